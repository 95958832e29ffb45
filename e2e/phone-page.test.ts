import { createDeviceAgent, type AgentStatus, type DeviceAgent } from '@talon/device-agent';
import { phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';
import { decodeEscPos, FakeTcpPrinter } from '@talon/ticket-printer';
import { existsSync } from 'node:fs';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy } from '../apps/booking-service/src/testing/link-proxy.js';
import { startTestCentral, TEST_OFFICE_KEYS, testCentralConfig, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from './support/browser.js';
import { startRecordingService } from './support/web-push-receiver.js';
import { PHONE, WEB_ROOT, text, waitFor } from './support/phone-pages.js';

// The visitor's side of issue #12: the QR printed on the paper ticket, read back from the printer's
// bytes, opened in Chromium at phone size against a real office linked to a real central.
/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const OFFICE = 'demo-office';

describe.runIf(browserSuitesRun && (existsSync(WEB_ROOT) || process.env.CI === 'true'))('the ticket on the visitor\'s phone, from the printed QR', () => {
  const clock = manualClock(TUESDAY_9_00);
  const cleanups: (() => Promise<unknown>)[] = [];
  let central: TestCentral;
  let proxy: LinkProxy;
  let office: TestOffice;
  let browser: Browser;
  let printer: FakeTcpPrinter;
  let sms: Awaited<ReturnType<typeof startRecordingService>>;

  beforeAll(async () => {
    sms = await startRecordingService();
    cleanups.push(sms.close);
    const config = testCentralConfig((c) => {
      c.phone.sms = { url: `${sms.url}/send`, method: 'POST', headers: {}, contentType: 'application/json', body: '{"to":"{phone}","text":"{text}"}', consentText: 'Согласен(на) на SMS об этом талоне сегодня; номер удалят в конце дня.', timeoutMs: 2000 };
    });
    central = await startTestCentral({ config, now: () => clock.now(), webRoot: WEB_ROOT });
    cleanups.push(() => central.stop());
    proxy = await startLinkProxy(central.port);
    cleanups.push(() => proxy.close());
    printer = await FakeTcpPrinter.start({ condition: 'ok' });
    cleanups.push(() => printer.close());
    office = await startTestOffice({
      clock,
      config: demoConfig((c) => {
        c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: printer.uri, profile: 'generic-80mm' }];
        // Phones reach central directly; the office's link goes through a proxy the test cuts.
        c.office.centralPublicUrl = central.url;
      }),
      central: { centralUrl: proxy.url, officeKey: TEST_OFFICE_KEYS[OFFICE]!, retryMs: 200, phoneThrottleMs: 300 },
    });
    cleanups.push(() => office.stop());
    await waitFor('the office to link', () => office.app.sync!.status().connected);
    const agent: DeviceAgent = createDeviceAgent({ serverUrl: office.url, token: DEMO_TOKENS.agent, logger: pino({ level: 'silent' }), agentVersion: 'e2e' });
    cleanups.push(() => agent.stop());
    await new Promise<void>((done) => {
      const check = (status: AgentStatus) => {
        if (status.link === 'online' && status.printers[0]?.status === 'ok') (agent.off('status', check), done());
      };
      agent.on('status', check);
      agent.start();
    });
    browser = await launchChromium();
    cleanups.push(() => browser.close());
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('follows the printed ticket live: places fall, the call with vibration, link down and up', async () => {
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    for (let i = 0; i < 3; i += 1) await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    const jobs = await printer.waitForJobs(3);
    const printed = decodeEscPos(jobs[2]!);
    const number = printed.lines.find((line) => /^[A-Z]\d{3}$/.test(line))!;
    const url = printed.qrCodes[0]!.payload.toString('ascii');
    expect(url.startsWith(`${central.url}/p/${OFFICE}.`)).toBe(true);

    const { context, page } = await openScreen(browser, 'about:blank', PHONE);
    // The page's vibrations, as the phone would feel them.
    await page.addInitScript(() => {
      const calls: unknown[] = [];
      (window as unknown as { vibrations: unknown[] }).vibrations = calls;
      Object.defineProperty(navigator, 'vibrate', { value: (pattern: unknown) => (calls.push(pattern), true) });
    });
    await page.goto(url);
    await page.getByRole('heading', { name: 'Ваш талон' }).waitFor();
    await page.getByTestId('people-ahead').waitFor();
    expect(await text(page, 'ticket-number')).toBe(number);
    expect(await text(page, 'people-ahead')).toBe('2');
    // The range the office told on the kiosk and the paper, not one number.
    const ticket = [...office.app.context.queue.state.tickets.values()].find((t) => t.number === number)!;
    const toldText = () => {
      const told = office.app.context.waits.forTicket(ticket.id)!;
      return told.estimateMin < 1 ? 'вызовут в ближайшие минуты' : `${told.fromMin}–${told.toMin} мин`;
    };
    await expect.poll(async () => (await text(page, 'estimate')) === toldText()).toBe(true);
    expect(await text(page, 'estimate')).toMatch(/^\d+–\d+ мин$/);
    expect(await text(page, 'office-address')).toBe(demoConfig().office.address);
    expect(await text(page, 'office-hours')).toMatch(/^\d\d:\d\d–\d\d:\d\d$|не работает/);
    expect(await page.getByRole('heading', { name: 'Если вы пропустили вызов' }).isVisible()).toBe(true);
    // Nothing about the visitor: the office never sends it, and the page says so.
    expect(await page.locator('body').textContent()).not.toMatch(/Иванова|\+7/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByTestId('waiting').getAttribute('aria-live')).toBe('polite');
    await saveScreenshot(page, 'phone-page-waiting');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The visitor asks for an SMS when 1 is left: a number only with the consent ticked.
    await page.getByLabel('Сообщить, когда передо мной останется человек').fill('1');
    await page.getByLabel('Номер телефона').fill('+7 912 555-01-23');
    const smsButton = page.getByRole('button', { name: 'Сообщать по SMS' });
    expect(await smsButton.isDisabled()).toBe(true);
    await page.getByLabel(/Согласен\(на\) на SMS/).check();
    await smsButton.click();
    await page.getByTestId('nudge-result').filter({ hasText: 'пришлём SMS, когда останется 1 чел.' }).waitFor();
    await saveScreenshot(page, 'phone-page-nudge');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await command(operator, 'ticket:call-next');
    await page.getByTestId('people-ahead').filter({ hasText: /^1$/ }).waitFor();
    await waitFor('the SMS', () => sms.received.length === 1);
    expect(JSON.parse(sms.received[0]!.body.toString())).toEqual({ to: '+79125550123', text: `Талон ${number}: перед вами 1 чел. Пора возвращаться к залу ожидания.` });

    // The office link goes down: the page says updates are paused, and catches up when it is back.
    proxy.down();
    await page.getByTestId('paused').waitFor();
    expect(await page.getByRole('heading', { name: 'Обновления приостановлены' }).isVisible()).toBe(true);
    await saveScreenshot(page, 'phone-page-paused');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await command(operator, 'ticket:no-show');
    await command(operator, 'ticket:call-next');
    proxy.up();
    await page.getByTestId('paused').waitFor({ state: 'detached' });
    await page.getByTestId('people-ahead').filter({ hasText: /^0$/ }).waitFor();

    await command(operator, 'ticket:no-show');
    await command(operator, 'ticket:call-next');
    const called = page.getByRole('alert');
    await called.filter({ hasText: 'Подойдите к окну 1 сейчас' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations)).toHaveLength(1);
    await saveScreenshot(page, 'phone-page-called');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The same page in English, opened after the call: the call is there at once.
    await page.goto(`${url}?lang=en`);
    await page.getByRole('alert').filter({ hasText: 'Go to desk 1 now' }).waitFor();
    expect(await page.getByRole('heading', { name: 'If you missed your call' }).isVisible()).toBe(true);

    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish');
    await page.locator('[data-state="finished"]').waitFor();
    await context.close();
  });

  it('says plainly when a link is forged or from another day', async () => {
    const key = phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS[OFFICE]!);
    const good = signPhoneToken({ officeId: OFFICE, ticketId: 't_x', officeDay: '2026-11-24' }, key);
    const forged = `${good.slice(0, -3)}${good.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const yesterday = signPhoneToken({ officeId: OFFICE, ticketId: 't_x', officeDay: '2026-11-23' }, key);
    const { context, page } = await openScreen(browser, `${central.url}/p/${forged}`, PHONE);
    await page.getByRole('heading', { name: 'Талон не найден' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-page-forged');
    await page.goto(`${central.url}/p/${yesterday}`);
    await page.getByRole('heading', { name: 'Талон больше не действует' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The API answers the same, with HTTP codes a link checker understands.
    expect((await fetch(`${central.url}/api/phone/${forged}`)).status).toBe(404);
    expect((await fetch(`${central.url}/api/phone/${yesterday}`)).status).toBe(410);
    await context.close();
  });
});
