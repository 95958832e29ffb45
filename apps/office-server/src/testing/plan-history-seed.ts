import { addDays, instantOfLocal, seededRandom } from '@talon/domain';
import { openDatabase } from '../storage/open-database.js';

/** Visitors per hour of the demo office's services, from 08:00: a morning and an after-lunch peak. */
export const DEMO_PLAN_RATES: Record<string, number[]> = {
  payments: [6, 9, 10, 9, 6, 7, 9, 7, 4],
  meters: [3, 4, 5, 4, 3, 3, 4, 3, 2],
  contracts: [1, 1, 2, 1, 1, 1, 2, 1, 1],
};
/** Which demo desk (and its usual operator) serves each service in the seeded weeks. */
const SERVED_AT: Record<string, [string, string][]> = {
  payments: [['desk-1', 'op-ivanova'], ['desk-2', 'op-petrov']],
  meters: [['desk-1', 'op-ivanova'], ['desk-2', 'op-petrov']],
  contracts: [['desk-3', 'op-sidorova'], ['desk-4', 'op-kuznetsov']],
};
const PREFIX: Record<string, string> = { payments: 'A', meters: 'C', contracts: 'B' };
const NORM_MIN: Record<string, number> = { payments: 7, meters: 5, contracts: 20 };

/**
 * Writes past weeks of one weekday of the demo office into its database, as its queue would have
 * left them: served tickets with desk, operator, call, start and service time. The same seed
 * gives the same weeks. Returns how many tickets were written.
 */
export function seedPlanHistory(databaseFile: string, options: { date: string; weeks: number; seed: number; rates?: Record<string, number[]> }): number {
  const db = openDatabase(databaseFile);
  const random = seededRandom(options.seed);
  const insert = db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status, desk_id, called_desk_id, operator_id,
    first_called_at, called_at, serving_started_at, ended_at, service_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?, ?, ?)`);
  let written = 0;
  db.transaction(() => {
    for (let week = 1; week <= options.weeks; week += 1) {
      const day = addDays(options.date, -7 * week);
      for (const [serviceId, perHour] of Object.entries(options.rates ?? DEMO_PLAN_RATES)) {
        let number = 0;
        perHour.forEach((rate, h) => {
          const n = Math.round(rate * (0.8 + 0.4 * random()));
          for (let i = 0; i < n; i += 1) {
            const issuedAt = instantOfLocal('Europe/Moscow', day, `${String(8 + h).padStart(2, '0')}:00`) + Math.floor(random() * 45 * 60_000);
            const [deskId, operatorId] = SERVED_AT[serviceId]![Math.floor(random() * SERVED_AT[serviceId]!.length)]!;
            const calledAt = issuedAt + Math.floor(random() * 10 * 60_000);
            const startedAt = calledAt + 30_000;
            const serviceMs = Math.round((NORM_MIN[serviceId] ?? 10) * 60_000 * (0.5 + random()));
            number += 1;
            const ticketNumber = `${PREFIX[serviceId]}${String(number).padStart(3, '0')}`;
            insert.run(`seed-${day}-${ticketNumber}`, ticketNumber, serviceId, day, random() < 0.05 ? 'priority' : 'walk-in', issuedAt, issuedAt, deskId, deskId, operatorId, calledAt, calledAt, startedAt, startedAt + serviceMs, serviceMs);
            written += 1;
          }
        });
      }
    }
  })();
  db.close();
  return written;
}
