import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const DAY = 24 * 60 * 60_000;

async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A phone taken with a counter booking (issue 15) travels like an on-line booking's: central keeps
 * it in the booking row (never in its copy of the log) and clears it with the same retention.
 */
describe('counter booking phone, office to central', () => {
  const clock = manualClock(TUESDAY_9_00);
  let central: TestCentral;
  let office: TestOffice;

  beforeAll(async () => {
    central = await startTestCentral({ now: () => clock.now() });
    office = await startTestOffice({ clock, central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS['demo-office']!, retryMs: 200 } });
    await waitFor('the link', () => office.app.sync!.status().connected);
  });
  afterAll(async () => {
    await office?.stop();
    await central?.stop();
  });

  it('reaches central with its phone, kept in the booking row only and forgotten by central\'s retention', async () => {
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const slots = await command<{ slots: { start: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-25' });
    const withPhone = await command<{ ok: true; code: string }>(admin, 'booking:create', {
      serviceId: 'contracts', slotStart: slots.slots[0]!.start, customerName: 'Кузьмина', customerPhone: '+7 916 555-12-34', phoneConsent: true,
    });
    const without = await command<{ ok: true; code: string }>(admin, 'booking:create', { serviceId: 'contracts', slotStart: slots.slots[1]!.start, customerName: 'Орлов' });
    expect([withPhone.ok, without.ok]).toEqual([true, true]);
    await waitFor('the bookings at central', () => office.app.sync!.status().unsent === 0);

    const cdb = new Database(join(central.dataDir, 'central.db'), { readonly: true });
    try {
      expect(cdb.prepare('SELECT phone FROM bookings WHERE code = ?').pluck().get(withPhone.code)).toBe('+79165551234');
      expect(cdb.prepare('SELECT phone FROM bookings WHERE code = ?').pluck().get(without.code)).toBeNull();
      // Central's copy of the office's log keeps neither the name nor the phone: the row's retention is the only clock.
      const log = JSON.stringify(cdb.prepare(`SELECT body FROM office_events WHERE type = 'booking.created'`).all());
      expect(log).not.toContain('5551234');
      expect(log).not.toContain('Кузьмина');
    } finally {
      cdb.close();
    }

    // Central forgets it by its own retention, counted from the slot like an on-line booking's phone.
    clock.set(slots.slots[0]!.start + 31 * DAY);
    await central.service.applyRetention();
    const after = new Database(join(central.dataDir, 'central.db'), { readonly: true });
    try {
      expect(after.prepare('SELECT phone, customer_name AS name FROM bookings WHERE code = ?').get(withPhone.code)).toEqual({ phone: null, name: null });
    } finally {
      after.close();
    }
  });
});
