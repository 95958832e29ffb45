import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from './support/browser.js';
import { PHONE, WEB_ROOT } from './support/phone-pages.js';

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
    central = await startTestCentral({ now: () => clock.now(), webRoot: WEB_ROOT });
    office = await startTestOffice({ clock, central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS['demo-office']!, retryMs: 200 } });
    await waitFor('the link', () => office.app.sync!.status().connected);
  });
  afterAll(async () => {
    await office?.stop();
    await central?.stop();
  });

  // Issue 17: the office's codes and the on-line cancel form agree, so a visitor booked by phone at
  // the reception cancels from home with the code and the phone's last four digits. Central finds
  // the office's booking (it looked up origin = 'central' only, and answered «не найдена») and its
  // cancel comes down to the office with the next booking version.
  it.runIf(browserSuitesRun && (existsSync(WEB_ROOT) || process.env.CI === 'true'))(
    "is cancelled on-line on central's booking page by its code and the phone's last 4 digits; the office frees the slot, lists it cancelled and the kiosk refuses the code",
    async () => {
      const admin = await office.connect('/admin', { session: await office.login('admin') });
      const slots = await command<{ slots: { start: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-26' });
      const booked = await command<{ ok: true; code: string }>(admin, 'booking:create', {
        serviceId: 'contracts', slotStart: slots.slots[0]!.start, customerName: 'Лебедева', customerPhone: '+7 903 111-22-33', phoneConsent: true,
      });
      expect(booked.ok).toBe(true);
      await waitFor('the booking at central', () => office.app.sync!.status().unsent === 0);
      const atOffice = () => office.app.context.db.prepare('SELECT status FROM bookings WHERE code = ?').pluck().get(booked.code);

      const browser = await launchChromium();
      try {
        const { page } = await openScreen(browser, `${central.url}/`, PHONE);
        page.setDefaultTimeout(5_000);
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.getByRole('heading', { name: 'Запись на приём' }).waitFor();
        const code = page.getByLabel('Код записи (12 цифр)');
        const phone4 = page.getByLabel('Последние 4 цифры телефона', { exact: false });
        const status = page.locator('form.cancel [role="status"]');
        // The form says which bookings it cancels: one taken at the office without a phone is cancelled there.
        expect(await page.locator('form.cancel #cancel-which').textContent()).toBe(
          'Здесь отменяется запись, сделанная на сайте или в офисе, если там указали ваш телефон. Запись без телефона можно отменить только в офисе.',
        );
        // The wrong digits open nothing, and the office keeps the booking.
        await code.fill(booked.code);
        await phone4.fill('9999');
        await page.getByRole('button', { name: 'Отменить запись' }).click();
        await expect.poll(() => status.textContent()).toBe('Запись с таким кодом и цифрами телефона не найдена.');
        expect(atOffice()).toBe('booked');
        // The code as written on the visitor's note, in groups, and the phone's last four: cancelled.
        await code.fill(booked.code.replace(/(\d{4})(?=\d)/g, '$1 '));
        await phone4.fill('2233');
        await page.getByRole('button', { name: 'Отменить запись' }).click();
        await expect.poll(() => status.textContent()).toBe(`Запись ${booked.code} отменена.`);
        await saveScreenshot(page, 'booking-page-cancel-counter-booking');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
      // The office hears of it over the link: the booking is cancelled there and its slot free again.
      await waitFor('the cancellation at the office', () => atOffice() === 'cancelled');
      const after = await command<{ slots: { start: number; booked: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-26' });
      expect(after.slots.find((slot) => slot.start === slots.slots[0]!.start)).toMatchObject({ booked: 0 });
      const listed = await command<{ bookings: { code: string; status: string; source: string }[] }>(admin, 'booking:list', { date: '2026-11-26' });
      expect(listed.bookings.find((b) => b.code === booked.code)).toMatchObject({ status: 'cancelled', source: 'office' });
      const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
      expect(await command(kiosk, 'booking:check-in', { code: booked.code })).toMatchObject({ ok: false, code: 'booking-cancelled' });
      // Central and the office agree, and the office's own cancel event went up without changing central again.
      await waitFor('the office cancel at central', () => office.app.sync!.status().unsent === 0);
      const cdb = new Database(join(central.dataDir, 'central.db'), { readonly: true });
      try {
        expect(cdb.prepare('SELECT status, origin FROM bookings WHERE code = ?').get(booked.code)).toEqual({ status: 'cancelled', origin: 'office' });
        expect(cdb.prepare(`SELECT taken FROM slot_places WHERE slot_start = ? AND service_id = 'contracts'`).pluck().get(slots.slots[0]!.start)).toBe(0);
      } finally {
        cdb.close();
      }
      kiosk.disconnect();
      admin.disconnect();
    },
  );

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
