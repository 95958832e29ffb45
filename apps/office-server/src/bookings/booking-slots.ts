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
  const open = instantOfLocal(day.date, hours.open, day.timeZone);
  const close = instantOfLocal(day.date, hours.close, day.timeZone);
  const step = day.slotMinutes * 60_000;
  const slots: Omit<BookingSlotView, 'booked'>[] = [];
  for (let start = open; start + step <= close; start += step) {
    if (start > day.now) slots.push({ start, minutes: day.slotMinutes, capacity: day.capacity });
  }
  return slots;
}

/** The instant a local wall-clock time happens in a zone (two passes settle DST offsets). */
export function instantOfLocal(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (instant - (instant % 1000));
}
