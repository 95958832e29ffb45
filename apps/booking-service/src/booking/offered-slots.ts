import { bookingSlotStarts } from '@talon/domain';
import { WEEKDAY_KEYS, type OfficeSummary } from '@talon/protocol';

const MINUTE = 60_000;

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
  const { office } = query;
  const service = office.services.find((s) => s.id === query.serviceId);
  if (!service || !service.bookable || service.capacityPerSlot === 0) return [];
  return bookingSlotStarts({
    date: query.date,
    timeZone: office.timeZone,
    hours: office.hours,
    weekdayKeys: WEEKDAY_KEYS,
    holidays: office.holidays,
    ...(office.specialDays && { specialDays: office.specialDays }),
    // Offices older than weekday breaks send breaks without days: every day's.
    awayWindows: office.breaks,
    slotMinutes: service.slotMinutes,
    now: query.now,
    until: query.now + query.daysAhead * 24 * 60 * MINUTE,
  }).map((start) => ({ start, minutes: service.slotMinutes, capacity: service.capacityPerSlot }));
}
