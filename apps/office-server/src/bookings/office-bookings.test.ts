import type { IssuedTicket } from '@talon/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { silentLogger } from '../logger.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { createCentralBookingIntake } from './central-booking-intake.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const MINUTE = 60_000;

describe('bookings taken at the office, checked in at the kiosk', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  it('offers slots in opening hours, books one, and the code gives a booking ticket', async () => {
    const clock = manualClock(TUESDAY_9_00);
    office = await startTestOffice({ clock, config: demoConfig((c) => (c.office.alwaysOpen = false)) });
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });

    const offered = await command<{ ok: true; slots: { start: number; minutes: number; capacity: number; booked: number }[] }>(
      admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-24' });
    // Contracts: 30-minute slots from 08:00 to 17:00; those before 09:00 are gone.
    expect(offered.slots[0]).toEqual({ start: TUESDAY_9_00 + 30 * MINUTE, minutes: 30, capacity: 1, booked: 0 });
    expect(offered.slots.at(-1)!.start).toBe(Date.UTC(2026, 10, 24, 13, 30));
    expect(await command(admin, 'booking:slots', { serviceId: 'meters', date: '2026-11-24' })).toMatchObject({ ok: false, code: 'invalid-value' });
    expect(await command<{ slots: unknown[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-29' })).toMatchObject({ ok: true, slots: [] });

    const slot = offered.slots[1]!.start;
    const booking = await command<{ ok: true; code: string; bookingId: string }>(admin, 'booking:create', { serviceId: 'contracts', slotStart: slot, customerName: 'Смирнов' });
    expect(booking.code).toMatch(/^\d{12}$/);
    expect(await command(admin, 'booking:create', { serviceId: 'contracts', slotStart: slot })).toMatchObject({ ok: false, code: 'booking-duplicate' });
    expect(await command(admin, 'booking:create', { serviceId: 'contracts', slotStart: slot + 7 * MINUTE })).toMatchObject({ ok: false, code: 'invalid-value' });

    // The kiosk reads when to come back from the details, not from the English message.
    expect(await command(kiosk, 'booking:check-in', { code: booking.code })).toEqual({
      ok: false,
      code: 'booking-too-early',
      message: expect.any(String),
      details: { slotStart: slot, checkInFrom: slot - 15 * MINUTE },
    });
    // Typed with stray spaces, the code still finds its booking and its times.
    expect(await command(kiosk, 'booking:check-in', { code: ` ${booking.code} ` })).toMatchObject({ details: { checkInFrom: slot - 15 * MINUTE } });
    expect(await command(kiosk, 'booking:check-in', { code: '999999' })).not.toHaveProperty('details');
    clock.set(slot - 5 * MINUTE);
    const issued = await command<{ ok: true } & IssuedTicket>(kiosk, 'booking:check-in', { code: booking.code });
    expect(issued.ticket).toMatchObject({ kind: 'booking', serviceId: 'contracts', number: 'B001', bookingSlotStart: slot });
    const row = office.app.context.db.prepare('SELECT status, ticket_id AS ticketId FROM bookings WHERE id = ?').get(booking.bookingId);
    expect(row).toEqual({ status: 'arrived', ticketId: issued.ticket.id });
    // Used once, the code says so and when (issue 15: it answered «no such booking»).
    expect(await command(kiosk, 'booking:check-in', { code: booking.code })).toMatchObject({ ok: false, code: 'booking-already-used', details: { usedAt: slot - 5 * MINUTE } });
    expect(await command(kiosk, 'booking:check-in', { code: '999999' })).toMatchObject({ ok: false, code: 'booking-not-found' });
  });

  it('lists the bookings of a day for the reception, with what became of each', async () => {
    const clock = manualClock(TUESDAY_9_00);
    office = await startTestOffice({ clock, config: demoConfig((c) => (c.office.alwaysOpen = false)) });
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const at = (hours: number, minutes = 0) => Date.UTC(2026, 10, 24, hours - 3, minutes);
    const book = (serviceId: string, slotStart: number, customerName?: string) =>
      command<{ ok: true; code: string; bookingId: string }>(admin, 'booking:create', { serviceId, slotStart, ...(customerName && { customerName }) });
    const comes = await book('payments', at(9, 15), 'Смирнов');
    const cancels = await book('contracts', at(11), 'Орлова');
    const later = await book('contracts', at(10));
    const tomorrow = await book('contracts', Date.UTC(2026, 10, 25, 6, 0));
    await createCentralBookingIntake(office.app.context, silentLogger())({
      version: 1, bookingId: 'cb_1', code: '12345678', serviceId: 'contracts', slotStart: at(12), slotMinutes: 30, status: 'booked', customerName: 'Смирнова Анна',
    });
    clock.set(at(9, 10));
    const ticket = await command<{ ok: true } & IssuedTicket>(kiosk, 'booking:check-in', { code: comes.code });
    expect(await command(admin, 'booking:cancel', { bookingId: cancels.bookingId })).toEqual({ ok: true });
    // Served or cancelled, a booking cannot be cancelled (again).
    expect(await command(admin, 'booking:cancel', { bookingId: comes.bookingId })).toMatchObject({ ok: false, code: 'booking-not-found' });
    expect(await command(kiosk, 'booking:check-in', { code: cancels.code })).toMatchObject({ ok: false, code: 'booking-cancelled' });

    const day = await command<{ ok: true; bookings: unknown[] }>(admin, 'booking:list', { date: '2026-11-24' });
    expect(day.bookings).toEqual([
      { bookingId: comes.bookingId, code: comes.code, serviceId: 'payments', slotStart: at(9, 15), slotMinutes: 15, source: 'office', customerName: 'Смирнов', status: 'arrived', ticketNumber: ticket.ticket.number },
      { bookingId: later.bookingId, code: later.code, serviceId: 'contracts', slotStart: at(10), slotMinutes: 30, source: 'office', status: 'booked' },
      { bookingId: cancels.bookingId, code: cancels.code, serviceId: 'contracts', slotStart: at(11), slotMinutes: 30, source: 'office', customerName: 'Орлова', status: 'cancelled' },
      { bookingId: 'cb_1', code: '12345678', serviceId: 'contracts', slotStart: at(12), slotMinutes: 30, source: 'central', customerName: 'Смирнова Анна', status: 'booked' },
    ]);
    // Local days, not UTC ones: the day starts at midnight in Moscow.
    expect(await command<{ bookings: { bookingId: string }[] }>(admin, 'booking:list', { date: '2026-11-25' })).toEqual({
      ok: true,
      bookings: [expect.objectContaining({ bookingId: tomorrow.bookingId, status: 'booked' })],
    });
    expect(await command(admin, 'booking:list', { date: '24.11.2026' })).toMatchObject({ ok: false, code: 'invalid-payload' });
  });

  it('offers no slot while every operator is at lunch, as central does', async () => {
    office = await startTestOffice({
      clock: manualClock(TUESDAY_9_00),
      config: demoConfig((c) => {
        c.office.alwaysOpen = false;
        c.breaks = c.operators.map((o) => ({ operatorId: o.id, from: '13:00', to: '13:45', reason: 'lunch' }));
      }),
    });
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const offered = await command<{ slots: { start: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-24' });
    const times = offered.slots.map((s) => new Date(s.start + 3 * 3_600_000).toISOString().slice(11, 16));
    // 12:30 ends as lunch starts and 14:00 starts after it; 13:00 and 13:30 would meet nobody.
    expect(times).toContain('12:30');
    expect(times).toContain('14:00');
    expect(times).not.toContain('13:00');
    expect(times).not.toContain('13:30');
  });

  it('offers a late visitor a plain ticket', async () => {
    const clock = manualClock(TUESDAY_9_00);
    office = await startTestOffice({ clock });
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const slots = await command<{ slots: { start: number }[] }>(admin, 'booking:slots', { serviceId: 'payments', date: '2026-11-24' });
    const slot = slots.slots[0]!.start;
    const booking = await command<{ code: string }>(admin, 'booking:create', { serviceId: 'payments', slotStart: slot });
    clock.set(slot + 25 * MINUTE);
    expect(await command(kiosk, 'booking:check-in', { code: booking.code })).toMatchObject({
      ok: false,
      code: 'booking-too-late',
      details: { slotStart: slot, checkInUntil: slot + 10 * MINUTE },
    });
    expect(await command(kiosk, 'booking:check-in', { code: booking.code, acceptWalkIn: true })).toMatchObject({
      ok: true,
      lateBooking: true,
      ticket: { kind: 'walk-in', serviceId: 'payments' },
    });
  });
});
