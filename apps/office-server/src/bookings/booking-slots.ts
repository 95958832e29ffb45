import { instantOfLocal } from '@talon/domain';
import type { BookingSlotView } from '@talon/protocol';

interface SlotDay<K extends string> {
  date: string;
  timeZone: string;
  hours: Record<K, { open: string; close: string } | null>;
  weekdayKeys: readonly K[];
  holidays: string[];
  /** Windows when every operator is away (staggered lunches that are not): no slot may overlap one. */
  awayWindows: readonly { from: string; to: string; days?: readonly K[] }[];
  slotMinutes: number;
  capacity: number;
  now: number;
}

/**
 * The bookable slots of one local day: within opening hours, not on a holiday, not in the past,
 * not overlapping a window when no one serves. Central offers the same grid from the office's summary.
 */
export function bookingSlotsOfDay<K extends string>(day: SlotDay<K>): Omit<BookingSlotView, 'booked'>[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date) || day.holidays.includes(day.date)) return [];
  const [year, month, date] = day.date.split('-').map(Number) as [number, number, number];
  const isoWeekday = ((new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7) + 1;
  const weekday = day.weekdayKeys[isoWeekday - 1]!;
  const hours = day.hours[weekday];
  if (!hours) return [];
  const away = day.awayWindows
    .filter((w) => w.days === undefined || w.days.includes(weekday))
    .map((w) => ({ from: instantOfLocal(day.timeZone, day.date, w.from), to: instantOfLocal(day.timeZone, day.date, w.to) }));
  const open = instantOfLocal(day.timeZone, day.date, hours.open);
  const close = instantOfLocal(day.timeZone, day.date, hours.close);
  const step = day.slotMinutes * 60_000;
  const slots: Omit<BookingSlotView, 'booked'>[] = [];
  for (let start = open; start + step <= close; start += step) {
    if (start <= day.now || away.some((w) => start < w.to && start + step > w.from)) continue;
    slots.push({ start, minutes: day.slotMinutes, capacity: day.capacity });
  }
  return slots;
}
