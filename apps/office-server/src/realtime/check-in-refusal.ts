import type { QueueState } from '@talon/domain';
import type { Failure } from '@talon/protocol';

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
