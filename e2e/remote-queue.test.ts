import type { BoardState, OperatorState } from '@talon/protocol';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy } from '../apps/booking-service/src/testing/link-proxy.js';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from './support/browser.js';
import { PHONE, WEB_ROOT, text, waitFor } from './support/phone-pages.js';

// A place taken from home (issue #12) in Chromium at phone size: "join today's queue" on central's
// booking page, the live page with the code, the office's console and board marking the ticket,
// arrival at the kiosk, the call; a second place never confirmed, skipped once then expired; and
// the booking page with the office's link down.
/** Tuesday 24 November 2026, 10:00 in Moscow. */
const TUESDAY_10_00 = Date.UTC(2026, 10, 24, 7, 0);
const OFFICE = 'demo-office';

describe.runIf(browserSuitesRun && (existsSync(WEB_ROOT) || process.env.CI === 'true'))('a place taken from home, on the visitor\'s phone', () => {
  const clock = manualClock(TUESDAY_10_00);
  const cleanups: (() => Promise<unknown>)[] = [];
  let central: TestCentral;
  let proxy: LinkProxy;
  let office: TestOffice;
  let browser: Browser;

  beforeAll(async () => {
    central = await startTestCentral({ now: () => clock.now(), webRoot: WEB_ROOT });
    cleanups.push(() => central.stop());
    proxy = await startLinkProxy(central.port);
    cleanups.push(() => proxy.close());
    office = await startTestOffice({
      clock,
      config: demoConfig((c) => {
        c.office.centralPublicUrl = central.url;
        c.services.find((s) => s.id === 'payments')!.remoteQueue = { maxWaiting: 10, cutOffMinutes: 60 };
      }),
      central: { centralUrl: proxy.url, officeKey: TEST_OFFICE_KEYS[OFFICE]!, retryMs: 200, phoneThrottleMs: 200 },
    });
    cleanups.push(() => office.stop());
    await waitFor('the office to link', () => office.app.sync!.status().connected);
    browser = await launchChromium();
    cleanups.push(() => browser.close());
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  /** The booking page at phone size: pick the office and payments in "join today's queue" and press it. */
  async function joinFromHome(): Promise<Page> {
    const { page } = await openScreen(browser, `${central.url}/`, PHONE);
    const panel = page.getByTestId('remote-join');
    await panel.getByRole('heading', { name: 'Встать в очередь сегодня из дома' }).waitFor();
    await panel.getByLabel('Офис').selectOption(OFFICE);
    await panel.getByLabel('Услуга').selectOption('payments');
    return page;
  }

  it('joins from the booking page, shows the code, is marked at the office, arrives by the kiosk code and is called', async () => {
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const board = await office.connect('/board', { token: DEMO_TOKENS.board });

    const page = await joinFromHome();
    await saveScreenshot(page, 'remote-join-booking-page');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Встать в очередь' }).click();
    await page.waitForURL(new RegExp(`/p/${OFFICE}\\.`));
    await page.getByTestId('remote-code').waitFor();
    expect(await text(page, 'ticket-number')).toBe('A001');
    const code = (await text(page, 'remote-code')).replace(/\s/g, '');
    expect(code).toMatch(/^\d{12}$/);
    expect(await text(page, 'people-ahead')).toBe('0');
    expect(await page.getByRole('button', { name: 'Я на месте' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'remote-phone-page-code');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The office sees it: the console marks it (not here yet, not callable), the board counts it.
    const { state } = await command<{ state: OperatorState }>(operator, 'operator:snapshot');
    expect(state.waiting.find((t) => t.number === 'A001')).toMatchObject({ remote: { arrived: false, skipped: false } });
    const { state: hall } = await command<{ state: BoardState }>(board, 'board:snapshot');
    expect(hall.waiting.find((s) => s.serviceId === 'payments')).toMatchObject({ waiting: 1, remote: { waiting: 1, away: 1 } });
    // Not here yet, nobody else waiting: the desk calls nobody, and the place is not touched.
    expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: false, code: 'nothing-waiting' });

    // At the kiosk: the code typed in the code field.
    const arrived = await command<{ ok: boolean; remoteArrival?: boolean; ticket: { number: string } }>(kiosk, 'booking:check-in', { code });
    expect(arrived).toMatchObject({ ok: true, remoteArrival: true, ticket: { number: 'A001' } });
    await page.getByTestId('remote-arrived').waitFor();
    await command(operator, 'ticket:call-next');
    await page.getByRole('alert').filter({ hasText: 'Подойдите к окну 1 сейчас' }).waitFor();
    const { state: called } = await command<{ state: BoardState }>(board, 'board:snapshot');
    expect(called.calls[0]).toMatchObject({ number: 'A001', remote: true });
    await saveScreenshot(page, 'remote-phone-page-called');
    await command(operator, 'ticket:no-show');
  });

  it('skips a place whose visitor never arrives once, then lets it expire', async () => {
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });

    const page = await joinFromHome();
    await page.getByRole('button', { name: 'Встать в очередь' }).click();
    await page.getByTestId('remote-code').waitFor();
    const number = await text(page, 'ticket-number');
    clock.advance(60_000);
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });

    // Its turn: the visitor is not here, so the next one is called and the page says so.
    await command(operator, 'ticket:call-next');
    await page.getByTestId('remote-skipped').waitFor();
    const { state } = await command<{ state: OperatorState }>(operator, 'operator:snapshot');
    expect(state.waiting.find((t) => t.number === number)).toMatchObject({ remote: { arrived: false, skipped: true } });
    await saveScreenshot(page, 'remote-phone-page-skipped');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Its turn again: the place expires.
    await command(operator, 'ticket:no-show');
    await command(operator, 'ticket:call-next');
    await page.getByTestId('remote-expired').waitFor();
    expect(office.app.context.queue.state.tickets.has(state.waiting.find((t) => t.number === number)!.id)).toBe(false);
    await saveScreenshot(page, 'remote-phone-page-expired');
  });

  it('says joining is unavailable right now while the office link is down', async () => {
    proxy.down();
    await waitFor('the link to drop', () => !office.app.sync!.status().connected);
    const page = await joinFromHome();
    await page.getByRole('button', { name: 'Встать в очередь' }).click();
    await page.getByTestId('remote-join-error').filter({ hasText: 'нет связи с офисом' }).waitFor();
    expect(page.url()).toBe(`${central.url}/`);
    await saveScreenshot(page, 'remote-join-link-down');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    proxy.up();
  });
});
