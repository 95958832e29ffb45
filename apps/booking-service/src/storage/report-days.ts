import { addDays, daysOf } from '@talon/domain';
import type { ReportCounts } from './central-store.js';

/**
 * The last office day the report may read from its roll-up at `now` (a UTC instant): the day
 * before yesterday in UTC. Whatever an office's zone (UTC-12 to UTC+14), its day D is over by D+1
 * 12:00 UTC and every booking of D starts before then, so from D+2 00:00 UTC nothing of D's counts
 * depends on `now` any more (`bookingsDue` counts bookings whose slot has begun): D's counts change
 * only by a late event, which drops D's row in its own transaction. Zone-free on purpose: a store
 * need not know each office's zone, and an office's zone may change.
 */
export function lastClosedReportDay(now: number): string {
  return addDays(new Date(now).toISOString().slice(0, 10), -2);
}

/** The closed days of [from, to] (read from the roll-up) and the rest (read from the tickets). */
export function splitReportRange(from: string, to: string, now: number): { closed: string[]; open?: { from: string; to: string } } {
  const lastClosed = lastClosedReportDay(now);
  if (from > lastClosed) return { closed: [], open: { from, to } };
  if (to <= lastClosed) return { closed: daysOf({ from, to }) };
  return { closed: daysOf({ from, to: lastClosed }), open: { from: addDays(lastClosed, 1), to } };
}

/** report_days' count columns and the ReportCounts field each holds, in one list for both stores. */
export const REPORT_DAY_COUNTS = [
  ['tickets', 'tickets'], ['served', 'served'], ['no_shows', 'noShows'], ['within_standard', 'withinStandard'], ['wait_ms_total', 'waitMsTotal'],
  ['waited', 'waited'], ['ratings', 'ratings'], ['satisfied', 'satisfied'], ['bookings', 'bookings'], ['bookings_arrived', 'bookingsArrived'],
  ['bookings_due', 'bookingsDue'],
] as const satisfies readonly (readonly [string, keyof ReportCounts])[];

/** The counts of report_days `r` as ReportCounts fields (double-quoted aliases read alike in SQLite and PostgreSQL). */
export const REPORT_DAY_FIELDS = REPORT_DAY_COUNTS.map(([column, field]) => `r.${column} AS "${field}"`).join(', ');

/** A roll-up read: an office day's counts, or a day of the office with no row (not counted yet, or dropped by a late event). */
export type ReportDayRead = (ReportCounts & { missing: false }) | { officeId: string; day: string; missing: true };

/** Times a report re-counts days dropped while it read, before it reads them from the tickets instead. */
export const REPORT_READ_ATTEMPTS = 3;
