import type { BookingChange } from '@talon/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { silentLogger } from '../logger.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { createCentralBookingIntake } from './central-booking-intake.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const MINUTE = 60_000;
const change = (extra: Partial<BookingChange> = {}): BookingChange => ({
  version: 1, bookingId: 'cb_1', code: '12345678', serviceId: 'contracts', slotStart: TUESDAY_9_00 + 30 * MINUTE, slotMinutes: 30,
  status: 'booked', customerName: 'Смирнова Анна', ...extra,
});

describe('bookings from central, taken through the queue engine', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  const start = async () => {
    const clock = manualClock(TUESDAY_9_00);
    office = await startTestOffice({ clock });
    const take = createCentralBookingIntake(office.app.context, silentLogger());
    const row = (id = 'cb_1') => office.app.context.db.prepare('SELECT status, source, customer_name AS name FROM bookings WHERE id = ?').get(id);
    const events = () => office.app.context.db.prepare(`SELECT COUNT(*) FROM events WHERE type LIKE 'booking.%'`).pluck().get();
    return { clock, take, row, events };
  };

  it('takes a booking once however often it comes, and its cancel once', async () => {
    const { take, row, events } = await start();
    await take(change());
    await take(change());
    expect(row()).toEqual({ status: 'booked', source: 'central', name: 'Смирнова Анна' });
    await take(change({ version: 2, status: 'cancelled' }));
    await take(change({ version: 2, status: 'cancelled' }));
    // A booking seen again after its cancel (an older change replayed) does not come back.
    await take(change({ version: 1 }));
    expect(row()).toMatchObject({ status: 'cancelled' });
    expect(events()).toBe(2);
  });

  it('keeps a visitor who already checked in when a cancel arrives late', async () => {
    const { clock, take, row } = await start();
    await take(change());
    clock.set(TUESDAY_9_00 + 20 * MINUTE);
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    expect(await command(kiosk, 'booking:check-in', { code: '12345678' })).toMatchObject({ ok: true, ticket: { kind: 'booking' } });
    await take(change({ version: 2, status: 'cancelled' }));
    expect(row()).toMatchObject({ status: 'arrived' });
  });

  // Issue 17: a booking taken at this office's counter, cancelled by its visitor on central's page.
  // Central sends it down as a change of the office's own booking; the office applies it once.
  it("applies central's cancel of a booking made at this office's counter once: the slot is free, the list says cancelled, the kiosk refuses the code", async () => {
    const { clock, take, row, events } = await start();
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const slotStart = TUESDAY_9_00 + 60 * MINUTE;
    const slot = async () => (await command<{ slots: { start: number; booked: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-24' })).slots.find((s) => s.start === slotStart);
    const made = await command<{ ok: true; bookingId: string; code: string }>(admin, 'booking:create', {
      serviceId: 'contracts', slotStart, customerName: 'Лебедева', customerPhone: '+79031112233', phoneConsent: true,
    });
    expect(await slot()).toMatchObject({ booked: 1 });
    // Its own booking as central holds it: known here, taken as nothing.
    const own = { bookingId: made.bookingId, code: made.code, slotStart, customerName: 'Лебедева' };
    await take(change({ ...own, version: 3 }));
    expect(events()).toBe(1);

    await take(change({ ...own, version: 7, status: 'cancelled' }));
    await take(change({ ...own, version: 7, status: 'cancelled' }));
    expect(row(made.bookingId)).toEqual({ status: 'cancelled', source: 'office', name: 'Лебедева' });
    expect(events()).toBe(2);
    const cancelled = office.app.context.db.prepare(`SELECT actor FROM events WHERE type = 'booking.cancelled'`).pluck().get() as string;
    expect(JSON.parse(cancelled)).toEqual({ kind: 'central' });
    expect(await slot()).toMatchObject({ booked: 0 });
    const list = await command<{ bookings: { bookingId: string; status: string }[] }>(admin, 'booking:list', { date: '2026-11-24' });
    expect(list.bookings.find((b) => b.bookingId === made.bookingId)).toMatchObject({ status: 'cancelled', source: 'office', phoneMasked: '+7 *** ***-22-33' });
    clock.set(slotStart - 5 * MINUTE);
    expect(await command(kiosk, 'booking:check-in', { code: made.code })).toMatchObject({ ok: false, code: 'booking-cancelled' });
  });

  it('keeps a visitor checked in at the counter booking when central cancels it meanwhile: the office is the source of truth for its queue', async () => {
    const { clock, take, row } = await start();
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const slotStart = TUESDAY_9_00 + 30 * MINUTE;
    const made = await command<{ ok: true; bookingId: string; code: string }>(admin, 'booking:create', {
      serviceId: 'contracts', slotStart, customerPhone: '+79031112233', phoneConsent: true,
    });
    clock.set(slotStart - 5 * MINUTE);
    expect(await command(kiosk, 'booking:check-in', { code: made.code })).toMatchObject({ ok: true, ticket: { kind: 'booking' } });
    await take(change({ bookingId: made.bookingId, code: made.code, slotStart, version: 5, status: 'cancelled' }));
    expect(row(made.bookingId)).toMatchObject({ status: 'arrived' });
    expect(office.app.context.db.prepare(`SELECT COUNT(*) FROM events WHERE type = 'booking.cancelled'`).pluck().get()).toBe(0);
  });

  it('skips bookings whose slot is over, and states only the office decides', async () => {
    const { take, row, events } = await start();
    await take(change({ slotStart: TUESDAY_9_00 - 30 * MINUTE }));
    expect(row()).toBeUndefined();
    await take(change({ bookingId: 'cb_2', status: 'arrived' }));
    await take(change({ bookingId: 'cb_3', status: 'cancelled' }));
    expect(row('cb_2')).toBeUndefined();
    expect(row('cb_3')).toBeUndefined();
    expect(events()).toBe(0);
  });
});
