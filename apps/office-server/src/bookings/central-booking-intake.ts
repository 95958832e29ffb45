import type { BookingChange } from '@talon/protocol';
import type { Logger } from '../logger.js';
import type { OfficeContext } from '../office-context.js';

const CENTRAL = { kind: 'central' } as const;

/**
 * Takes central's booking changes into the office's queue through the same engine as bookings
 * made at the office. Idempotent, so a change seen twice (after a crash before the cursor was
 * saved) does nothing the second time: the office's own bookings table says what it knows.
 */
export function createCentralBookingIntake(context: Pick<OfficeContext, 'db' | 'queue' | 'clock'>, logger: Logger) {
  const known = context.db.prepare(`SELECT status FROM bookings WHERE id = ?`).pluck();

  return async function take(change: BookingChange): Promise<void> {
    const status = known.get(change.bookingId) as string | undefined;
    if (change.status === 'booked') {
      // A first link also brings bookings whose slot is over; the queue has no use for them.
      if (status !== undefined || change.slotStart + change.slotMinutes * 60_000 <= context.clock.now()) return;
      const decision = await context.queue.execute(
        {
          type: 'booking.create',
          bookingId: change.bookingId,
          code: change.code,
          serviceId: change.serviceId,
          slotStart: change.slotStart,
          slotMinutes: change.slotMinutes,
          source: 'central',
          ...(change.customerName && { customerName: change.customerName }),
        },
        CENTRAL,
      );
      if (!decision.ok) logger.warn({ bookingId: change.bookingId, code: decision.error.code }, 'a booking from central was not taken');
      return;
    }
    // Only a booking still waiting can be cancelled: a visitor who already came stays served, and
    // central hears of the check-in and shows the booking as arrived.
    if (change.status === 'cancelled' && status === 'booked') {
      const decision = await context.queue.execute({ type: 'booking.cancel', bookingId: change.bookingId }, CENTRAL);
      if (!decision.ok) logger.warn({ bookingId: change.bookingId, code: decision.error.code }, 'a cancel from central was not applied');
    }
  };
}
