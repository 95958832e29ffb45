import { bookingSlotStarts, instantOfLocal, type Actor } from '@talon/domain';
import { BOOKING_CODE_DIGITS, maskPhone, officeWideBreaks, WEEKDAY_KEYS, type AdminResults, type Ack, type OfficeBookingView } from '@talon/protocol';
import { newBookingCode } from '@talon/server-edge';
import { newId } from '../ids.js';
import type { OfficeContext } from '../office-context.js';
import { fail } from '../realtime/command-router.js';
import { refusalOf } from '../realtime/queue-ack.js';

/** Bookings taken at the office (phone, reception); the central service's come the same way. */
export function createBookingDesk(context: OfficeContext) {
  const bookedPerSlot = context.db.prepare(`SELECT slot_start AS slotStart, COUNT(*) AS booked FROM bookings
    WHERE service_id = ? AND slot_start >= ? AND slot_start < ? AND status IN ('booked', 'arrived', 'late')
    GROUP BY slot_start`);
  const bookingsOfDay = context.db.prepare(`SELECT b.id AS bookingId, b.code, b.service_id AS serviceId, b.slot_start AS slotStart,
      b.slot_minutes AS slotMinutes, b.source, b.customer_name AS customerName, b.customer_phone AS customerPhone, b.status, t.number AS ticketNumber
    FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id
    WHERE b.slot_start >= ? AND b.slot_start < ?
    ORDER BY b.slot_start, b.code`);

  function list(date: string): Ack<AdminResults['booking:list']> {
    const timeZone = context.directory.config.office.timeZone;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const nextDate = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    const rows = bookingsOfDay.all(instantOfLocal(timeZone, date, '00:00'), instantOfLocal(timeZone, nextDate, '00:00')) as (Omit<
      OfficeBookingView,
      'customerName' | 'ticketNumber' | 'phoneMasked'
    > & { customerName: string | null; customerPhone: string | null; ticketNumber: string | null })[];
    return {
      ok: true,
      bookings: rows.map(({ customerName, customerPhone, ticketNumber, ...row }) => ({
        ...row,
        ...(customerName !== null && { customerName }),
        // The reception sees the number masked, as the visitor does on-line.
        ...(customerPhone !== null && { phoneMasked: maskPhone(customerPhone) }),
        ...(ticketNumber !== null && { ticketNumber }),
      })),
    };
  }

  function slots(serviceId: string, date: string): Ack<AdminResults['booking:slots']> {
    const service = context.directory.services.get(serviceId);
    if (!service) return fail('unknown-service', `unknown service "${serviceId}"`);
    if (!service.bookable) return fail('invalid-value', `service "${serviceId}" is not open for booking`);
    const config = context.directory.config;
    const starts = bookingSlotStarts({
      date,
      timeZone: config.office.timeZone,
      hours: config.hours,
      weekdayKeys: WEEKDAY_KEYS,
      holidays: config.holidays,
      specialDays: config.specialDays,
      awayWindows: officeWideBreaks(config),
      slotMinutes: service.bookingSlotMinutes,
      now: context.clock.now(),
    });
    if (starts.length === 0) return { ok: true, slots: [] };
    const counts = new Map(
      (bookedPerSlot.all(serviceId, starts[0]!, starts.at(-1)! + 1) as { slotStart: number; booked: number }[]).map((r) => [r.slotStart, r.booked]),
    );
    const slot = (start: number) => ({ start, minutes: service.bookingSlotMinutes, capacity: service.bookingCapacityPerSlot, booked: counts.get(start) ?? 0 });
    return { ok: true, slots: starts.map(slot) };
  }

  return {
    slots,
    list,
    async create(
      request: { serviceId: string; slotStart: number; customerName?: string; customerPhone?: string; phoneConsent?: true },
      actor: Actor,
    ): Promise<Ack<AdminResults['booking:create']>> {
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: context.directory.config.office.timeZone }).format(request.slotStart);
      const offered = slots(request.serviceId, date);
      if (!offered.ok) return offered;
      const slot = offered.slots.find((s) => s.start === request.slotStart);
      if (!slot) return fail('invalid-value', 'no such slot: pick one from booking:slots');
      if (slot.booked >= slot.capacity) return fail('booking-duplicate', 'this slot is already fully booked');
      const service = context.directory.services.get(request.serviceId)!;
      const bookingId = newId('b');
      const code = newBookingCode(BOOKING_CODE_DIGITS);
      const decision = await context.queue.execute(
        {
          type: 'booking.create',
          bookingId,
          code,
          serviceId: request.serviceId,
          slotStart: request.slotStart,
          slotMinutes: service.bookingSlotMinutes,
          source: 'office',
          ...(request.customerName && { customerName: request.customerName }),
          // The consent is recorded as the moment the reception sent it, with the phone it covers.
          ...(request.customerPhone && request.phoneConsent && { customerPhone: request.customerPhone, phoneConsentAt: context.clock.now() }),
        },
        actor,
      );
      return refusalOf(decision) ?? { ok: true, bookingId, code, slotStart: request.slotStart };
    },
    async cancel(bookingId: string, actor: Actor): Promise<Ack> {
      const decision = await context.queue.execute({ type: 'booking.cancel', bookingId }, actor);
      return refusalOf(decision) ?? { ok: true };
    },
  };
}

export type BookingDesk = ReturnType<typeof createBookingDesk>;
