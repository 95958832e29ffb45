import type { QueueState } from '@talon/domain';
import type { Failure } from '@talon/protocol';
import type { OfficeDatabase } from '../storage/open-database.js';

const MINUTE = 60_000;

/**
 * A refused early or late check-in gains the times a kiosk shows the visitor ("check in from
 * 10:45"), so no screen has to read them out of the English message. Other refusals pass as they are.
 */
export function withCheckInTimes(refusal: Failure, state: QueueState, code: string): Failure {
  if (refusal.code !== 'booking-too-early' && refusal.code !== 'booking-too-late') return refusal;
  // The code arrives normalised by its schema, as the queue stored it.
  const booking = [...state.bookings.values()].find((b) => b.code === code);
  if (!booking) return refusal;
  const { bookingCheckInEarlyMinutes, bookingLateGraceMinutes } = state.setup.rules;
  const slotStart = booking.slotStart;
  return {
    ...refusal,
    details:
      refusal.code === 'booking-too-early'
        ? { slotStart, checkInFrom: slotStart - bookingCheckInEarlyMinutes * MINUTE }
        : { slotStart, checkInUntil: slotStart + bookingLateGraceMinutes * MINUTE },
  };
}

/** The office's record of a booking code the queue no longer holds (`bookings` read table). */
export interface BookingRecord {
  status: string;
  /** When its ticket was issued, for a booking already checked in. */
  usedAt: number | null;
}

/** Reads the latest booking with a code; codes are normalised by their schema before they get here. */
export function createBookingRecordReader(db: OfficeDatabase): (code: string) => BookingRecord | undefined {
  const latest = db.prepare(`SELECT b.status, t.issued_at AS usedAt FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id
    WHERE b.code = ? ORDER BY b.slot_start DESC, b.updated_at DESC LIMIT 1`);
  return (code) => latest.get(code) as BookingRecord | undefined;
}

/**
 * The queue holds only bookings still to be checked in, so it calls every other code unknown. The
 * office's booking record tells the visitor why instead: a ticket was issued for it already, it was
 * cancelled, or its day passed (issue 15: a used code answered «Запись с таким кодом не найдена»).
 */
export function withBookingRecord(refusal: Failure, record: BookingRecord | undefined): Failure {
  if (refusal.code !== 'booking-not-found' || !record) return refusal;
  switch (record.status) {
    case 'arrived':
    case 'late':
      return {
        ok: false,
        code: 'booking-already-used',
        message: 'a ticket was already issued for this booking',
        ...(record.usedAt !== null && { details: { usedAt: record.usedAt } }),
      };
    case 'cancelled':
      return { ok: false, code: 'booking-cancelled', message: 'this booking was cancelled' };
    case 'expired':
      return { ok: false, code: 'booking-expired', message: 'the day of this booking has passed' };
    default:
      return refusal;
  }
}
