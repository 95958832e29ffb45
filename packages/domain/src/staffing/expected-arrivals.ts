/**
 * What a date is expected to bring, from the same weekday of the last weeks: visitors per hour and
 * service, and how long a visit keeps a desk. Pure: the office server reads the tickets of the
 * sample dates from its store and passes them in.
 */
import { hoursOn, localTimeOf } from '../office-hours.js';
import type { OfficeSchedule } from '../office-setup.js';
import { addDays } from '../quality/period.js';
import type { Instant, TicketKind } from '../ticket.js';

const MINUTE = 60_000;

/** One past visit, as the plan reads it. */
export interface PlanHistoryTicket {
  officeDay: string;
  serviceId: string;
  kind: TicketKind;
  issuedAt: Instant;
  /** Desk time of a served visit, from the call to the finish (the walk to the desk included). */
  deskMs?: number;
  /** The desk and operator that served it: who usually works which desk on this weekday. */
  deskId?: string;
  operatorId?: string;
}

export type SkippedDateReason = 'holiday' | 'special-day' | 'closed' | 'no-tickets';

export interface SampleDates {
  /** The same weekday of the last weeks that count, newest first. */
  used: string[];
  skipped: { date: string; reason: SkippedDateReason }[];
}

/**
 * The same weekday of the last `weeks` weeks before `date`: holidays, special days (their own
 * hours: a pre-holiday day is not a typical Tuesday) and days the office kept no hours are left out.
 */
export function sampleDatesFor(schedule: Pick<OfficeSchedule, 'week' | 'holidays' | 'specialDays'>, date: string, weeks: number): SampleDates {
  const used: string[] = [];
  const skipped: SampleDates['skipped'] = [];
  for (let k = 1; k <= weeks; k += 1) {
    const day = addDays(date, -7 * k);
    if (schedule.holidays.includes(day)) skipped.push({ date: day, reason: 'holiday' });
    else if (schedule.specialDays[day]) skipped.push({ date: day, reason: 'special-day' });
    else if (!hoursOn(schedule, day)) skipped.push({ date: day, reason: 'closed' });
    else used.push(day);
  }
  return { used, skipped };
}

export interface ExpectedHour {
  /** Local clock hour, 9 for 09:00-10:00. */
  hour: number;
  /** Local minutes of the day between which visitors of this hour take tickets (opening to the end of issuing). */
  fromMinute: number;
  toMinute: number;
  /** Visitors expected in the hour, all services. */
  total: number;
  byService: Record<string, number>;
  /** Of `byService`, those with a priority category. */
  priorityByService: Record<string, number>;
}

export interface ExpectedArrivals {
  date: string;
  /** The office's hours that date; absent when it is closed. */
  hours?: { open: string; close: string };
  /** Dates the figures are the mean of (those of `sampleDatesFor` that had any tickets). */
  sampleDates: string[];
  skipped: SampleDates['skipped'];
  byHour: ExpectedHour[];
  /** Mean desk minutes per visit per service: the history's served visits, or the service's norm. */
  deskMinutes: Record<string, number>;
  /** The served visits' desk times per service (ms), for drawing a day's visits. */
  deskMsSamples: Record<string, number[]>;
}

const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The hours the office issues tickets on `date`, each with its window: from opening (a ticket
 * taken before opening counts in the first hour) to `issueUntilMinutesBeforeClose` before closing.
 */
function issuingHours(schedule: OfficeSchedule, date: string): { hours?: { open: string; close: string }; byHour: Pick<ExpectedHour, 'hour' | 'fromMinute' | 'toMinute'>[] } {
  const hours = hoursOn(schedule, date);
  if (!hours) return { byHour: [] };
  const open = toMinute(hours.open);
  const lastIssue = toMinute(hours.close) - schedule.issueUntilMinutesBeforeClose;
  const byHour: Pick<ExpectedHour, 'hour' | 'fromMinute' | 'toMinute'>[] = [];
  for (let hour = Math.floor(open / 60); hour * 60 < lastIssue; hour += 1) {
    byHour.push({ hour, fromMinute: Math.max(open, hour * 60), toMinute: Math.min(lastIssue, hour * 60 + 60) });
  }
  return { hours: { open: hours.open, close: hours.close }, byHour };
}

/**
 * Visitors per hour and service expected on `date`: the mean over the sample dates that had any
 * tickets (a date with none is left out as no record: the office was not on Talon yet, or shut).
 * Visitors of every kind count (a booked visitor comes as a visitor too); a ticket taken outside
 * the date's issuing hours counts in the nearest one.
 */
export function expectedArrivals(
  schedule: OfficeSchedule,
  services: readonly { id: string; normMinutes: number }[],
  date: string,
  sample: SampleDates,
  history: readonly PlanHistoryTicket[],
): ExpectedArrivals {
  const sampled = new Set(sample.used);
  const tickets = history.filter((t) => sampled.has(t.officeDay));
  const withTickets = new Set(tickets.map((t) => t.officeDay));
  const sampleDates = sample.used.filter((d) => withTickets.has(d));
  const skipped = [...sample.skipped, ...sample.used.filter((d) => !withTickets.has(d)).map((d) => ({ date: d, reason: 'no-tickets' as const }))].sort((a, b) => (a.date < b.date ? 1 : -1));
  const { hours, byHour: windows } = issuingHours(schedule, date);
  const byHour: ExpectedHour[] = windows.map((w) => ({ ...w, total: 0, byService: {}, priorityByService: {} }));
  const days = sampleDates.length;
  if (byHour.length > 0 && days > 0) {
    const first = (byHour[0] as ExpectedHour).hour;
    const last = (byHour.at(-1) as ExpectedHour).hour;
    for (const t of tickets) {
      const local = Number(localTimeOf(schedule, t.issuedAt).time.slice(0, 2));
      const entry = byHour[Math.min(last, Math.max(first, local)) - first] as ExpectedHour;
      entry.total += 1 / days;
      entry.byService[t.serviceId] = (entry.byService[t.serviceId] ?? 0) + 1 / days;
      if (t.kind === 'priority') entry.priorityByService[t.serviceId] = (entry.priorityByService[t.serviceId] ?? 0) + 1 / days;
    }
  }
  const deskMsSamples: Record<string, number[]> = {};
  for (const t of tickets) if (t.deskMs !== undefined && t.deskMs > 0) (deskMsSamples[t.serviceId] ??= []).push(t.deskMs);
  const deskMinutes: Record<string, number> = {};
  for (const s of services) {
    const samples = deskMsSamples[s.id];
    deskMinutes[s.id] = samples && samples.length > 0 ? samples.reduce((a, b) => a + b, 0) / samples.length / MINUTE : s.normMinutes;
  }
  return { date, ...(hours && { hours }), sampleDates, skipped, byHour, deskMinutes, deskMsSamples };
}
