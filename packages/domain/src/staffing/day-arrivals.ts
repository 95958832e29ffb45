import { instantOfLocal } from '../office-hours.js';
import type { OfficeSchedule } from '../office-setup.js';
import type { Ticket } from '../ticket.js';
import type { ExpectedArrivals } from './expected-arrivals.js';
import { poissonCount, seededRandom } from './seeded-random.js';

const MINUTE = 60_000;

/** One visitor of a drawn day and the desk time the visit takes. */
export interface PlannedVisitor {
  ticket: Ticket;
  deskMs: number;
}

const minuteTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * One day the expected figures could bring, drawn from `seed`: per hour and service a Poisson
 * count of visitors (priority ones as their share), each at an even-chance minute of the hour's
 * issuing window, each visit as long as one of the service's past visits picked at random (or
 * spread exponentially around its mean while there are none). The same seed gives the same day.
 */
export function drawDayArrivals(schedule: Pick<OfficeSchedule, 'timeZone'>, expected: ExpectedArrivals, seed: number): PlannedVisitor[] {
  const random = seededRandom(seed);
  const visitors: PlannedVisitor[] = [];
  for (const hour of expected.byHour) {
    const from = instantOfLocal(schedule.timeZone, expected.date, minuteTime(hour.fromMinute));
    const span = (hour.toMinute - hour.fromMinute) * MINUTE;
    for (const [serviceId, mean] of Object.entries(hour.byService)) {
      const priorityMean = hour.priorityByService[serviceId] ?? 0;
      const plain = poissonCount(random, Math.max(0, mean - priorityMean));
      const priority = poissonCount(random, priorityMean);
      for (let i = 0; i < plain + priority; i += 1) {
        const at = Math.floor(from + random() * span);
        const samples = expected.deskMsSamples[serviceId];
        const deskMs =
          samples && samples.length > 0
            ? (samples[Math.floor(random() * samples.length)] as number)
            : -Math.log(Math.max(random(), 1e-12)) * (expected.deskMinutes[serviceId] ?? 10) * MINUTE;
        const id = `plan-${seed}-${visitors.length}`;
        visitors.push({
          ticket: {
            id,
            number: id,
            serviceId,
            officeDay: expected.date,
            kind: i < plain ? 'walk-in' : 'priority',
            ...(i >= plain && { categoryCheck: 'pending' as const }),
            issuedAt: at,
            queuedAt: at,
            status: 'waiting',
            recalls: 0,
          },
          deskMs,
        });
      }
    }
  }
  return visitors.sort((a, b) => a.ticket.queuedAt - b.ticket.queuedAt || (a.ticket.id < b.ticket.id ? -1 : 1));
}
