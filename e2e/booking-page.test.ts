import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from './support/browser.js';
import { WEB_ROOT, waitFor } from './support/phone-pages.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const MINUTE = 60_000;

// Built page required: `npm run build` (or `npm run build:web -w @talon/booking-service`).
describe.runIf(browserSuitesRun && (existsSync(WEB_ROOT) || process.env.CI === 'true'))('the public booking page, end to end', () => {
  const clock = manualClock(TUESDAY_9_00);
  let central: TestCentral;
  let office: TestOffice;
  let browser: Browser;

  beforeAll(async () => {
    central = await startTestCentral({ now: () => clock.now(), webRoot: WEB_ROOT });
    office = await startTestOffice({ clock, central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS['demo-office']!, retryMs: 200 } });
    await waitFor('the office to link', () => office.app.sync!.status().connected);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await office?.stop();
    await central?.stop();
  });

  it('books on a phone, checks in at the kiosk by the code, and the booked visitor is called', async () => {
    const { context, page } = await openScreen(browser, `${central.url}/`, { width: 390, height: 844 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.getByRole('heading', { name: 'Запись на приём' }).waitFor();
    // One office: it is chosen already.
    await page.getByLabel('Услуга').selectOption({ label: 'Заключение и переоформление договоров' });
    await page.locator('[data-day="2026-11-24"]').click();
    await page.getByRole('button', { name: '10:00' }).click();
    await saveScreenshot(page, 'booking-page-form');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Фамилия и имя', { exact: true }).fill('Смирнова Анна');
    await page.getByLabel('Телефон', { exact: true }).fill('+7 (912) 555-01-23');
    const submit = page.getByRole('button', { name: 'Записаться' });
    // The consent is its own checkbox, and booking waits for it.
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('checkbox').check();
    await submit.click();
    await page.getByRole('heading', { name: 'Вы записаны' }).waitFor();
    const code = (await page.getByTestId('booking-code').textContent())!.trim();
    expect(code).toMatch(/^\d{12}$/);
    expect(await page.locator('img.qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // A phone-sized page: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'booking-page-done');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A second booking, made and then cancelled by its code on the page.
    await page.getByRole('button', { name: 'Записаться ещё раз' }).click();
    await page.locator('[data-day="2026-11-24"]').click();
    await page.getByRole('button', { name: '10:00' }).waitFor();
    expect(await page.getByRole('button', { name: '10:00' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '10:30' }).click();
    await page.getByLabel('Фамилия и имя', { exact: true }).fill('Смирнова Анна');
    await page.getByLabel('Телефон', { exact: true }).fill('+7 (912) 555-01-23');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Записаться' }).click();
    const second = (await page.getByTestId('booking-code').textContent())!.trim();
    await page.getByRole('button', { name: 'Записаться ещё раз' }).click();
    await page.getByLabel('Код записи (12 цифр)').fill(second);
    // The code alone opens nothing: with the wrong phone digits the booking is not found.
    await page.getByLabel('Последние 4 цифры телефона', { exact: false }).fill('9999');
    await page.getByRole('button', { name: 'Отменить запись' }).click();
    await page.getByText('Запись с таким кодом и цифрами телефона не найдена.').waitFor();
    await page.getByLabel('Последние 4 цифры телефона', { exact: false }).fill('0123');
    await page.getByRole('button', { name: 'Отменить запись' }).click();
    await page.getByText(`Запись ${second} отменена.`).waitFor();
    expect(errors).toEqual([]);
    await context.close();

    // The booking reaches the office by the sync link; at 09:55 the visitor checks in at the kiosk page.
    const bookingAtOffice = () => office.app.context.db.prepare('SELECT status FROM bookings WHERE code = ?').pluck().get(code);
    await waitFor('the booking at the office', () => bookingAtOffice() === 'booked');
    clock.set(Date.UTC(2026, 10, 24, 6, 55));
    // A walk-in for the same service came first, through the kiosk's socket.
    const kioskSocket = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    await command(kioskSocket, 'ticket:issue', { serviceId: 'contracts' });
    // The booked visitor types the code on the kiosk's touch screen.
    const { context: kioskContext, page: kiosk } = await openScreen(browser, `${office.url}/kiosk?token=${DEMO_TOKENS.kiosk}`, { width: 1080, height: 1920 });
    const kioskButton = (name: string) => kiosk.getByRole('button', { name: new RegExp(`^${name}`) });
    await kioskButton('У меня запись').click();
    for (const digit of code) await kioskButton(`Цифра ${digit}`).click();
    await kioskButton('Отметиться').click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket').getAttribute('data-kind')).toBe('booking');
    const bookedNumber = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    await saveScreenshot(kiosk, 'booking-page-kiosk-check-in');
    await kioskContext.close();

    // At 10:00 the slot has begun: the booked visitor is called before the walk-in who came earlier.
    clock.set(TUESDAY_9_00 + 60 * MINUTE);
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-2' });
    const called = await command<{ ok: boolean; desk: { currentTicket: { number: string; kind: string } } }>(operator, 'ticket:call-next');
    expect(called.desk.currentTicket).toMatchObject({ number: bookedNumber, kind: 'booking' });

    await waitFor('the arrival at central', () => office.app.sync!.status().unsent === 0);
    expect(await (await fetch(`${central.url}/api/bookings/${code}?phone4=0123`)).json()).toMatchObject({ booking: { status: 'arrived', customerName: 'Смирнова Анна' } });
  });
});
