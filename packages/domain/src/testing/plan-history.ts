import { instantOfLocal } from '../office-hours.js';
import type { OfficeSetup } from '../office-setup.js';
import { addDays } from '../quality/period.js';
import type { PlanHistoryTicket } from '../staffing/expected-arrivals.js';
import { poissonCount, seededRandom } from '../staffing/seeded-random.js';

/**
 * Past weeks of one weekday for the test office (`office-fixture.ts`), for the plan's tests and
 * bench/day-plan: Poisson arrivals at `rates` per hour from 08:00 (the last hour of 45 minutes,
 * issuing stops at 16:45), visits of 0.5-1.5x the service norm, 5 % priority, each service served
 * at its desks by their operators (d1 op1, d2 op2, d3 op3).
 */
export const PLAN_TEST_RATES: Record<string, number[]> = {
  // A morning and an after-lunch peak: about three quarters of three desks' time.
  payments: [8, 12, 14, 12, 9, 10, 12, 10, 6],
  meters: [4, 5, 6, 5, 4, 4, 5, 4, 3],
  contracts: [1, 2, 2, 2, 1, 2, 2, 1, 1],
};
const DESKS_OF: Record<string, string[]> = { payments: ['d1', 'd3', 'd2'], meters: ['d1'], contracts: ['d2'] };
const OPERATOR_OF: Record<string, string> = { d1: 'op1', d2: 'op2', d3: 'op3' };

export function planHistory(setup: OfficeSetup, date: string, weeks: number, seed: number, scale = 1, rates = PLAN_TEST_RATES): PlanHistoryTicket[] {
  const random = seededRandom(seed);
  const tickets: PlanHistoryTicket[] = [];
  for (let week = 1; week <= weeks; week += 1) {
    const day = addDays(date, -7 * week);
    for (const [serviceId, perHour] of Object.entries(rates)) {
      const norm = setup.services.find((s) => s.id === serviceId)?.normMinutes ?? 10;
      const desks = DESKS_OF[serviceId] ?? ['d1'];
      perHour.forEach((rate, h) => {
        const minutes = h === perHour.length - 1 ? 45 : 60;
        const n = poissonCount(random, (rate * scale * minutes) / 60);
        for (let i = 0; i < n; i += 1) {
          const issuedAt = instantOfLocal(setup.schedule.timeZone, day, `${String(8 + h).padStart(2, '0')}:00`) + Math.floor(random() * minutes * 60_000);
          const deskId = desks[Math.floor(random() * desks.length)] as string;
          tickets.push({
            officeDay: day,
            serviceId,
            kind: random() < 0.05 ? 'priority' : 'walk-in',
            issuedAt,
            deskMs: norm * 60_000 * (0.5 + random()),
            deskId,
            operatorId: OPERATOR_OF[deskId] as string,
          });
        }
      });
    }
  }
  return tickets;
}
