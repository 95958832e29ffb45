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

/** The wall clock as the zone's rules give it: exact, and slow (tens of microseconds a call). */
function zoneParts(timeZone: string, at: Instant): LocalParts {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    weekday: WEEKDAYS[get('weekday')] ?? 1,
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
  };
}

/** The zone's offset from UTC at an instant (whole seconds, as the zone's rules give it). */
function zoneOffset(timeZone: string, at: Instant): number {
  const p = zoneParts(timeZone, at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

const DAY = 24 * 60 * MINUTE;
/** A few days per zone are enough: a forecast or a report walks forward through one or two. */
const OFFSET_DAYS_KEPT = 16;
/** Per zone, per UTC day: the offset when it held all day, or null when the zone changed it that day. */
const offsetsByDay = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset at an instant, read once per UTC day: a zone changes its offset at most twice a
 * year, so when the offset at a day's start equals the one at its end, it held all day. The forward
 * play asks for the wall clock thousands of times per forecast, and Intl is the slowest part of it.
 */
function offsetOf(timeZone: string, at: Instant): number {
  let days = offsetsByDay.get(timeZone);
  if (!days) {
    days = new Map();
    offsetsByDay.set(timeZone, days);
  }
  const day = Math.floor(at / DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const atStart = zoneOffset(timeZone, day * DAY);
    offset = atStart === zoneOffset(timeZone, (day + 1) * DAY) ? atStart : null;
    if (days.size >= OFFSET_DAYS_KEPT) days.delete(days.keys().next().value as number);
    days.set(day, offset);
  }
  return offset ?? zoneOffset(timeZone, at);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The office's wall clock at an instant: the zone's offset (cached per day) applied to UTC. */
function partsOf(timeZone: string, at: Instant): LocalParts {
  const wall = new Date(at + offsetOf(timeZone, at));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    weekday: ((((wall.getUTCDay() + 6) % 7) + 1) as IsoWeekday),
    year,
    month,
    day,
    hour,
    minute,
    second: wall.getUTCSeconds(),
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

/** The instant a wall-clock time happens on a local date; two passes settle a DST change. */
export function instantOfLocal(timeZone: string, date: string, time: LocalTime): Instant {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - offsetOf(timeZone, wall);
  return wall - offsetOf(timeZone, first);
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
