import type { Instant } from './ticket.js';
import type { IsoWeekday, LocalTime, OfficeSchedule, OpeningHours, ScheduledBreak } from './office-setup.js';

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, IsoWeekday> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

interface LocalParts {
  date: string;
  time: LocalTime;
  weekday: IsoWeekday;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsOf(timeZone: string, at: Instant): LocalParts {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = Number(get('year'));
  const month = Number(get('month'));
  const day = Number(get('day'));
  const hour = Number(get('hour'));
  const minute = Number(get('minute'));
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    weekday: WEEKDAYS[get('weekday')] ?? 1,
    year,
    month,
    day,
    hour,
    minute,
    second: Number(get('second')),
  };
}

/** The office's local calendar date: numbering restarts with it. */
export function officeDayOf(schedule: OfficeSchedule, now: Instant): string {
  return partsOf(schedule.timeZone, now).date;
}

export function localTimeOf(schedule: OfficeSchedule, now: Instant): { date: string; time: LocalTime; weekday: IsoWeekday } {
  const { date, time, weekday } = partsOf(schedule.timeZone, now);
  return { date, time, weekday };
}

function offsetAt(timeZone: string, at: Instant): number {
  const p = partsOf(timeZone, at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/** The instant a wall-clock time happens on a local date; two passes settle a DST change. */
export function instantOfLocal(timeZone: string, date: string, time: LocalTime): Instant {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, first);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isoWeekdayOf(date: string): IsoWeekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1) as IsoWeekday;
}

export interface IssuingWindow {
  open: boolean;
  /** When the office closes today, if it keeps hours. */
  closesAt?: Instant;
  /** When issuing starts again, if closed now. */
  opensAt?: Instant;
}

/**
 * A local date's issuing span, or nothing on a closed day. Early issuing never reaches back
 * into the day before (a ticket belongs to the office day it is printed on, and numbering
 * restarts at local midnight), so the span starts at local midnight at the earliest.
 */
function issuingSpan(schedule: OfficeSchedule, date: string): { from: Instant; until: Instant; closesAt: Instant } | undefined {
  const hours = hoursOn(schedule, date);
  if (!hours) return undefined;
  const opens = instantOfLocal(schedule.timeZone, date, hours.open);
  const closesAt = instantOfLocal(schedule.timeZone, date, hours.close);
  return {
    from: Math.max(opens - schedule.issueFromMinutesBeforeOpen * MINUTE, instantOfLocal(schedule.timeZone, date, '00:00')),
    until: closesAt - schedule.issueUntilMinutesBeforeClose * MINUTE,
    closesAt,
  };
}

/** A local date's opening hours: none on a holiday, its own on a special day, else its weekday's. */
export function hoursOn(schedule: Pick<OfficeSchedule, 'week' | 'holidays' | 'specialDays'>, date: string): OpeningHours | undefined {
  if (schedule.holidays.includes(date)) return undefined;
  return schedule.specialDays[date] ?? schedule.week[isoWeekdayOf(date)];
}

/**
 * Whether kiosks may issue now; when the office closes today (if it keeps hours today), so a
 * kiosk can warn a late visitor; and, when closed, when issuing starts again (up to 14 days on).
 */
export function issuingWindow(schedule: OfficeSchedule, now: Instant): IssuingWindow {
  if (schedule.alwaysOpen) return { open: true };
  const today = officeDayOf(schedule, now);
  const span = issuingSpan(schedule, today);
  const closesAt = span ? { closesAt: span.closesAt } : {};
  if (span && now >= span.from && now < span.until) return { open: true, ...closesAt };
  for (let ahead = 0; ahead <= 14; ahead += 1) {
    const next = issuingSpan(schedule, addDays(today, ahead));
    if (next && next.from > now) return { open: false, ...closesAt, opensAt: next.from };
  }
  return { open: false, ...closesAt };
}

/** "2026-03-02 09:45 (Europe/Moscow)": an instant as the office's wall clock shows it, for messages. */
export function describeLocal(schedule: OfficeSchedule, at: Instant): string {
  const { date, time } = localTimeOf(schedule, at);
  return `${date} ${time} (${schedule.timeZone})`;
}

/**
 * The breaks that apply on a local date: the config's breaks of its weekday, with the lunches of
 * the operators an accepted day plan names replaced by the plan's (`dayLunches`, that date only).
 */
export function breaksOn(schedule: Pick<OfficeSchedule, 'breaks' | 'dayLunches'>, date: string): ScheduledBreak[] {
  const weekday = isoWeekdayOf(date);
  const ofWeekday = schedule.breaks.filter((b) => b.days === undefined || b.days.includes(weekday));
  const planned = schedule.dayLunches?.[date];
  if (!planned) return ofWeekday;
  const named = new Set(planned.map((l) => l.operatorId));
  return [
    ...ofWeekday.filter((b) => b.reason !== 'lunch' || !named.has(b.operatorId)),
    ...planned.map((l): ScheduledBreak => ({ operatorId: l.operatorId, from: l.from, to: l.to, reason: 'lunch' })),
  ];
}

/** The operator's planned break covering now, if any (an accepted day plan's lunch on its date). */
export function scheduledBreakAt(schedule: OfficeSchedule, operatorId: string, now: Instant): ScheduledBreak | undefined {
  const { date, time, weekday } = localTimeOf(schedule, now);
  const planned = schedule.dayLunches?.[date];
  if (!planned) {
    return schedule.breaks.find(
      (b) => b.operatorId === operatorId && (b.days === undefined || b.days.includes(weekday)) && b.from <= time && time < b.to,
    );
  }
  return breaksOn(schedule, date).find((b) => b.operatorId === operatorId && b.from <= time && time < b.to);
}
