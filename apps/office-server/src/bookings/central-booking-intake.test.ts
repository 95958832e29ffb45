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
