import ICAL from 'ical.js';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from './support/browser.js';
import { WEB_ROOT, waitFor } from './support/phone-pages.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const PRIVACY_URL = 'https://energo.example/privacy';

/**
 * The booking page's confirmation and consent (issue 15): the office's address, a calendar file,
 * a cancel button with the booking's second factor, the consent naming who holds the data with
 * the privacy policy's link, and the whole page in English through the switch.
 */
describe.runIf(browserSuitesRun && (existsSync(WEB_ROOT) || process.env.CI === 'true'))('booking page: confirmation, consent and English', () => {
  const clock = manualClock(TUESDAY_9_00);
  let central: TestCentral;
  let office: TestOffice;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const config = testCentralConfig((c) => {
      c.company = { name: 'АО «Энергосбыт»', nameEn: 'Energosbyt JSC', privacyPolicyUrl: PRIVACY_URL };
    });
    central = await startTestCentral({ now: () => clock.now(), webRoot: WEB_ROOT, config });
    office = await startTestOffice({ clock, central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS['demo-office']!, retryMs: 200 } });
    await waitFor('the office to link', () => office.app.sync!.status().connected);
    browser = await launchChromium();
    ({ context, page } = await openScreen(browser, `${central.url}/`, { width: 390, height: 844 }));
    page.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await office?.stop();
    await central?.stop();
  });

  const book = async (labels: { service: string; name: string; phone: string; submit: string }, serviceLabel: string, time: string) => {
    await page.getByLabel(labels.service).selectOption({ label: serviceLabel });
    await page.locator('[data-day="2026-11-24"]').click();
    await page.getByRole('button', { name: time }).click();
    await page.getByLabel(labels.name, { exact: true }).fill('Смирнова Анна');
    await page.getByLabel(labels.phone, { exact: true }).fill('+7 (912) 555-01-23');
    await page.getByRole('checkbox').check();
  };

  it('names the data holder in the consent and links its privacy policy, in Russian', async () => {
    await page.getByRole('heading', { name: 'Запись на приём' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await book({ service: 'Услуга', name: 'Фамилия и имя', phone: 'Телефон', submit: 'Записаться' }, 'Заключение и переоформление договоров', '10:00');
    expect(await page.locator('.consent').textContent()).toContain('оператору персональных данных — АО «Энергосбыт» —');
    const policy = page.getByRole('link', { name: 'Политика обработки персональных данных' });
    expect(await policy.getAttribute('href')).toBe(PRIVACY_URL);
    await saveScreenshot(page, 'booking-page-consent');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('speaks English after the switch: texts, office, services and the consent', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Book a visit' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, new URL(location.href).searchParams.get('lang')])).toEqual(['en', 'en']);
    expect(await page.getByLabel('Office').locator('option:checked').textContent()).toBe('Central customer office (demo), 1 Lenina St, Ensk');
    expect(await page.getByLabel('Service').locator('option:checked').textContent()).toBe('New and changed contracts');
    // The choices made stay made; the consent now reads in English and names the company's English name.
    expect(await page.locator('.consent').textContent()).toContain('I consent to Energosbyt JSC, the operator of my personal data');
    expect(await page.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe(PRIVACY_URL);
    // Nothing Russian left on the page but the switch back to it (typed values are not page text).
    expect((await page.locator('body').innerText()).replace('Русский', '')).not.toMatch(/[А-Яа-яЁё]/u);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    const place = (await page.locator('.place').innerText()).split('\n');
    expect(place.slice(0, 2)).toEqual(['Central customer office (demo)', 'New and changed contracts']);
    expect(place[2]).toMatch(/^Tuesday,? 24 November, 10:00$/);
    expect(await page.getByTestId('booking-address').textContent()).toBe('Address: 1 Lenina St, Ensk');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'booking-page-done-en');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('offers a calendar file that an iCalendar parser reads: the slot, the office, the code', async () => {
    const code = (await page.getByTestId('booking-code').getAttribute('aria-label'))!;
    const link = page.getByTestId('booking-calendar');
    expect(await link.textContent()).toBe('Add to calendar (.ics)');
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('phone4=0123');
    // Fetched by the page itself (same origin, same link a tap would follow).
    const answer = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
    }, href);
    expect(answer.type).toBe('text/calendar; charset=utf-8');
    expect(answer.disposition).toBe(`attachment; filename="booking-${code}.ics"`);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(answer.text)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 10, 24, 7, 0));
    expect(event.summary).toBe('Visit: New and changed contracts');
    expect(event.location).toBe('Central customer office (demo), 1 Lenina St, Ensk');
    expect(event.uid).toBe(`booking-${code}-demo-office@talon`);
    expect(event.description).toContain(code);
    // Without the second factor the file is not given out.
    const refused = await page.evaluate(async (path) => (await fetch(path)).json(), `/api/bookings/${code}/calendar.ics?phone4=9999`);
    expect(refused).toMatchObject({ ok: false, code: 'booking-not-found' });
  });

  it('cancels from the confirmation after asking, with the phone digits given when booking', async () => {
    const code = (await page.getByTestId('booking-code').getAttribute('aria-label'))!;
    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    const question = page.getByRole('group');
    expect(await question.textContent()).toMatch(/^Cancel the booking for Tuesday,? 24 November, 10:00\?/);
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await question.waitFor({ state: 'detached' });
    const status = async () => ((await (await fetch(`${central.url}/api/bookings/${code}?phone4=0123`)).json()) as { booking: { status: string } }).booking.status;
    expect(await status()).toBe('booked');
    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await saveScreenshot(page, 'booking-page-cancel-ask');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await page.getByTestId('booking-cancelled').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Booking cancelled');
    expect(await status()).toBe('cancelled');
    // The office hears of it by the sync link, and the slot is offered again.
    await waitFor('the cancel at the office', () => office.app.context.db.prepare('SELECT status FROM bookings WHERE code = ?').pluck().get(code) === 'cancelled');
    await saveScreenshot(page, 'booking-page-cancelled');
    await page.getByRole('button', { name: 'Book another visit' }).click();
    await page.locator('[data-day="2026-11-24"]').click();
    await expect.poll(() => page.getByRole('button', { name: '10:00' }).isEnabled(), { timeout: 10_000 }).toBe(true);
  });
});
