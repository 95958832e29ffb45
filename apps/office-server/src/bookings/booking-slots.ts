import { instantOfLocal } from '@talon/domain';
import type { BookingSlotView } from '@talon/protocol';

interface SlotDay<K extends string> {
  date: string;
  timeZone: string;
  hours: Record<K, { open: string; close: string } | null>;
  weekdayKeys: readonly K[];
  holidays: string[];
  slotMinutes: number;
  capacity: number;
  now: number;
}

/** The bookable slots of one local day: within opening hours, not on a holiday, not in the past. */
export function bookingSlotsOfDay<K extends string>(day: SlotDay<K>): Omit<BookingSlotView, 'booked'>[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date) || day.holidays.includes(day.date)) return [];
  const [year, month, date] = day.date.split('-').map(Number) as [number, number, number];
  const isoWeekday = ((new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7) + 1;
  const hours = day.hours[day.weekdayKeys[isoWeekday - 1]!];
  if (!hours) return [];
  const open = instantOfLocal(day.timeZone, day.date, hours.open);
  const close = instantOfLocal(day.timeZone, day.date, hours.close);
  const step = day.slotMinutes * 60_000;
  const slots: Omit<BookingSlotView, 'booked'>[] = [];
  for (let start = open; start + step <= close; start += step) {
    if (start > day.now) slots.push({ start, minutes: day.slotMinutes, capacity: day.capacity });
  }
  return slots;
}
