import { instantOfLocal } from './office-hours.js';
import type { LocalTime } from './office-setup.js';
import type { Instant } from './ticket.js';

const MINUTE = 60_000;

/** One local day, as an office's config or its summary at central describes it. */
export interface SlotDay<K extends string> {
  /** The office's local date, YYYY-MM-DD. */
  date: string;
  timeZone: string;
  /** Opening hours by weekday key, in the order of `weekdayKeys` (Monday first). */
  hours: Partial<Record<K, { open: LocalTime; close: LocalTime } | null>>;
  weekdayKeys: readonly K[];
  holidays: readonly string[];
  /** Dates with their own hours (a shortened pre-holiday day, a working Saturday). */
  specialDays?: readonly { date: string; open: LocalTime; close: LocalTime }[];
  /** Windows when every operator is away; those without `days` hold every day. */
  awayWindows: readonly { from: LocalTime; to: LocalTime; days?: readonly K[] }[];
  slotMinutes: number;
  /** Slots that have begun by then are not offered. */
  now: Instant;
  /** No slot starting after this (the booking horizon). */
  until?: Instant;
}

/**
 * The booking slot grid of one day, the same at the office and at central: from opening, every
 * `slotMinutes`, each ending by closing; none on a holiday, none overlapping a window when nobody
 * serves, none already begun, none past the horizon.
 */
export function bookingSlotStarts<K extends string>(day: SlotDay<K>): Instant[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date) || day.holidays.includes(day.date) || day.slotMinutes <= 0) return [];
  const [year, month, date] = day.date.split('-').map(Number) as [number, number, number];
  const weekday = day.weekdayKeys[(new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7];
  const hours = day.specialDays?.find((d) => d.date === day.date) ?? (weekday === undefined ? undefined : day.hours[weekday]);
  if (!hours || weekday === undefined) return [];
  const local = (time: LocalTime) => instantOfLocal(day.timeZone, day.date, time);
  const away = day.awayWindows
    .filter((w) => w.days === undefined || w.days.includes(weekday))
    .map((w) => ({ from: local(w.from), to: local(w.to) }));
  const close = local(hours.close);
  const step = day.slotMinutes * MINUTE;
  const starts: Instant[] = [];
  for (let start = local(hours.open); start + step <= close; start += step) {
    if (start <= day.now || (day.until !== undefined && start > day.until)) continue;
    if (away.some((w) => start < w.to && start + step > w.from)) continue;
    starts.push(start);
  }
  return starts;
}
