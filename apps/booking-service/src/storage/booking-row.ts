import { eventForCentral, type BookingChange, type SyncOutboxMessage } from '@talon/protocol';
import type { CentralBooking, ReportCounts } from './central-store.js';

/** A bookings row as both stores keep it (same column names in SQLite and PostgreSQL). */
export interface BookingRow {
  id: string;
  code: string;
  office_id: string;
  service_id: string;
  slot_start: number;
  slot_minutes: number;
  office_day: string;
  status: CentralBooking['status'];
  origin: CentralBooking['origin'];
  customer_name: string | null;
  phone: string | null;
  ticket_id: string | null;
  created_at: number;
  version: number;
}

export const toBooking = (r: BookingRow): CentralBooking => ({
  id: r.id,
  code: r.code,
  officeId: r.office_id,
  serviceId: r.service_id,
  slotStart: r.slot_start,
  slotMinutes: r.slot_minutes,
  status: r.status,
  origin: r.origin,
  customerName: r.customer_name,
  phone: r.phone,
  ticketId: r.ticket_id,
  createdAt: r.created_at,
  version: r.version,
});

/** What an office receives: never the phone. */
export const toBookingChange = (r: BookingRow): BookingChange => ({
  version: r.version,
  bookingId: r.id,
  code: r.code,
  serviceId: r.service_id,
  slotStart: r.slot_start,
  slotMinutes: r.slot_minutes,
  status: r.status,
  ...(r.customer_name !== null && { customerName: r.customer_name }),
});

/**
 * The phone a counter booking was taken with, kept in central's booking row like an on-line
 * booking's (the visitor may cancel it on the booking page with its last digits) and cleared by
 * the same retention. Only a number in the form the office stores (+7 and ten digits) is taken.
 */
export function officeBookingPhone(booking: Record<string, unknown>): string | null {
  const phone = booking['customerPhone'];
  return typeof phone === 'string' && /^\+7\d{10}$/.test(phone) ? phone : null;
}

/**
 * Central's copy of the log keeps no names: the booking row holds the name until retention clears
 * it, and a copy in the log would outlive that.
 */
export function withoutPersonalData(event: SyncOutboxMessage['event']): SyncOutboxMessage['event'] {
  const forCentral = eventForCentral(event);
  if (forCentral.type !== 'booking.created' || !('customerName' in forCentral.booking || 'customerPhone' in forCentral.booking)) return forCentral;
  const { customerName: _dropped, customerPhone: _droppedPhone, ...booking } = forCentral.booking;
  return { ...forCentral, booking };
}

type BookingCounts = Pick<ReportCounts, 'officeId' | 'day' | 'bookings' | 'bookingsArrived' | 'bookingsDue'>;

/** An office day with nothing to count. */
export const blankReportCounts = (officeId: string, day: string): ReportCounts => ({
  officeId, day, tickets: 0, served: 0, noShows: 0, withinStandard: 0, waitMsTotal: 0, waited: 0, ratings: 0, satisfied: 0,
  bookings: 0, bookingsArrived: 0, bookingsDue: 0,
});

/** The report's order: by day, then office. */
export const byDayAndOffice = (a: ReportCounts, b: ReportCounts): number => a.day.localeCompare(b.day) || a.officeId.localeCompare(b.officeId);

/** Joins the ticket and booking halves of a report into one row per office day, in day order. */
export function mergeReportCounts(ticketRows: Partial<ReportCounts>[], bookingRows: BookingCounts[]): ReportCounts[] {
  const rows = new Map<string, ReportCounts>();
  const blank = blankReportCounts;
  for (const r of ticketRows as ReportCounts[]) rows.set(`${r.officeId}|${r.day}`, { ...blank(r.officeId, r.day), ...r });
  for (const r of bookingRows) {
    const key = `${r.officeId}|${r.day}`;
    rows.set(key, { ...(rows.get(key) ?? blank(r.officeId, r.day)), bookings: r.bookings, bookingsArrived: r.bookingsArrived, bookingsDue: r.bookingsDue });
  }
  return [...rows.values()].sort(byDayAndOffice);
}
