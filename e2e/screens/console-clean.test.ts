import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword, phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';
import { startTestCentral, TEST_OFFICE_KEYS, testCentralConfig, type TestCentral } from '../../apps/booking-service/src/testing/test-central.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';
import { PHONE, WEB_ROOT, waitFor } from '../support/phone-pages.js';

/** Every console error, page error, HTTP error answer and failed request the page has. */
const watch = (page: Page) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed ${request.url()}: ${request.failure()?.errorText ?? ''}`));
  return problems;
};

/**
 * Every screen loads without one console error or failed request: no 404 (favicon included), no
 * failed asset, no React warning logged as an error. A new one fails here with its address.
 */
describe.runIf(browserSuitesRun)('screens load with a clean console', () => {
  let office: TestOffice;
  let browser: Browser;

  beforeAll(async () => {
    office = await startTestOffice();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  it.each([
    ['kiosk', `/kiosk?token=${DEMO_TOKENS.kiosk}`, { width: 1080, height: 1920 }],
    ['board', `/board?token=${DEMO_TOKENS.board}`, { width: 1920, height: 1080 }],
    ['operator', '/operator', { width: 1366, height: 768 }],
    ['dashboard', '/dashboard', { width: 1440, height: 900 }],
    ['admin', '/admin', { width: 1366, height: 768 }],
    ['landing', '/', { width: 1366, height: 768 }],
  ])('%s', async (name, path, viewport) => {
    const { context, page } = await openScreen(browser, 'about:blank', viewport);
    const problems = watch(page);
    await page.goto(`${office.url}${path}`);
    await page.waitForLoadState('networkidle');
    if (name !== 'landing') await page.waitForSelector('#root > *');
    await saveScreenshot(page, `console-clean-${name}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * Central's pages for the public (issue 17): the booking page, a ticket's phone page and the
 * quality department's page, each loaded and used a step in, against a real central linked to a
 * real office; not one console error or failed request.
 */
describe.runIf(browserSuitesRun && (existsSync(WEB_ROOT) || process.env.CI === 'true'))("central's pages load with a clean console", () => {
  let central: TestCentral;
  let office: TestOffice;
  let browser: Browser;

  beforeAll(async () => {
    const config = testCentralConfig((c) => {
      c.qualityUsers = [{ login: 'kachestvo', name: 'Отдел качества', passwordHash: '' }];
    });
    config.qualityUsers[0]!.passwordHash = await hashPassword('пароль-качества');
    central = await startTestCentral({ config, webRoot: WEB_ROOT });
    office = await startTestOffice({ central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS['demo-office']!, retryMs: 200 } });
    await waitFor('the office to link', () => office.app.sync!.status().connected);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await office?.stop({ wipe: true });
    await central?.stop();
  });

  it('booking page', async () => {
    const { context, page } = await openScreen(browser, 'about:blank', PHONE);
    const problems = watch(page);
    await page.goto(`${central.url}/`);
    await page.getByRole('heading', { name: 'Запись на приём' }).waitFor();
    // A service chosen: the days and slots are asked for too.
    await page.getByLabel('Услуга').selectOption({ label: 'Заключение и переоформление договоров' });
    await page.locator('[data-day]').first().waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'console-clean-central-booking');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a ticket's phone page", async () => {
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const issued = await command<{ ok: true; ticket: { id: string; number: string } }>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    kiosk.disconnect();
    const ticket = office.app.context.queue.state.tickets.get(issued.ticket.id)!;
    // Central knows the ticket before the page asks for it: an unknown one would answer 404 by design.
    await waitFor('the ticket at central', () => office.app.sync!.status().unsent === 0);
    const token = signPhoneToken({ officeId: 'demo-office', ticketId: ticket.id, officeDay: ticket.officeDay }, phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS['demo-office']!));
    const { context, page } = await openScreen(browser, 'about:blank', PHONE);
    const problems = watch(page);
    await page.goto(`${central.url}/p/${token}`);
    await page.getByRole('heading', { name: 'Ваш талон' }).waitFor();
    await page.getByTestId('ticket-number').filter({ hasText: issued.ticket.number }).waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'console-clean-central-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('quality page, before and after the login', async () => {
    const { context, page } = await openScreen(browser, 'about:blank', { width: 1440, height: 900 });
    const problems = watch(page);
    await page.goto(`${central.url}/quality`);
    await page.getByLabel('Логин').waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Логин').fill('kachestvo');
    await page.getByLabel('Пароль').fill('пароль-качества');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('[data-testid="central-quality-month"]').waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'console-clean-central-quality');
    expect(problems).toEqual([]);
    await context.close();
  });
});
