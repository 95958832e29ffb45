import { instantOfLocal, type LocalTime } from '@talon/domain';
import type { OfficeSummary } from '@talon/protocol';

const MINUTE = 60_000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface OfferedSlot {
  start: number;
  minutes: number;
  capacity: number;
}

export interface SlotQuery {
  office: OfficeSummary;
  serviceId: string;
  /** The office's local date, YYYY-MM-DD. */
  date: string;
  now: number;
  /** No slot further ahead than this many days from `now`. */
  daysAhead: number;
}

/**
 * The slots an office offers for one service on one local day: on the grid from opening, ending
 * by closing, none on a holiday, none overlapping an office-wide break of that weekday, none already begun, none
 * beyond the booking horizon, none for a service not open for booking. Pure: `now` comes in.
 */
export function offeredSlots(query: SlotQuery): OfferedSlot[] {
  const { office, date, now } = query;
  const service = office.services.find((s) => s.id === query.serviceId);
  if (!service || !service.bookable || service.capacityPerSlot === 0) return [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || office.holidays.includes(date)) return [];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
  const hours = office.hours[weekday];
  if (!hours) return [];
  const local = (time: string) => instantOfLocal(office.timeZone, date, time as LocalTime);
  const open = local(hours.open);
  const close = local(hours.close);
  // A break without days is every day's: offices older than weekday breaks send none.
  const breaks = office.breaks
    .filter((b) => b.days === undefined || b.days.includes(weekday))
    .map((b) => ({ from: local(b.from), to: local(b.to) }));
  const step = service.slotMinutes * MINUTE;
  const horizon = now + query.daysAhead * 24 * 60 * MINUTE;
  const slots: OfferedSlot[] = [];
  for (let start = open; start + step <= close; start += step) {
    const end = start + step;
    if (start <= now || start > horizon) continue;
    if (breaks.some((b) => start < b.to && end > b.from)) continue;
    slots.push({ start, minutes: service.slotMinutes, capacity: service.capacityPerSlot });
  }
  return slots;
}
