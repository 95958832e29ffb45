import { createDeviceAgent, type AgentStatus, type DeviceAgent } from '@talon/device-agent';
import { decodeEscPos, FakeTcpPrinter } from '@talon/ticket-printer';
import { existsSync } from 'node:fs';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralQualityView } from '../packages/protocol/src/index.js';
import { startTestCentral, TEST_OFFICE_KEYS, testCentralConfig, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { hashPassword } from '../packages/server-edge/src/index.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from './support/browser.js';
import { PHONE, WEB_ROOT, waitFor } from './support/phone-pages.js';

// Issue #13's questionnaire, end to end: a ticket printed at a real office linked to a real
// central, its QR read back from the printed bytes, served and finished, the two questions answered
// on the phone page at phone size; central's quality view and the CSV count the answer once.
/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const TODAY = '2026-11-24';
const OFFICE = 'demo-office';

describe.runIf(browserSuitesRun && (existsSync(WEB_ROOT) || process.env.CI === 'true'))('the post-visit questionnaire on the phone page, counted at central', () => {
  const clock = manualClock(TUESDAY_9_00);
  const cleanups: (() => Promise<unknown>)[] = [];
  let central: TestCentral;
  let office: TestOffice;
  let browser: Browser;
  let printer: FakeTcpPrinter;
  let qualityToken: string;

  const companyQuestionnaire = async () => {
    const answer = await fetch(`${central.url}/api/quality?from=${TODAY}&to=${TODAY}`, { headers: { authorization: `Bearer ${qualityToken}` } });
    const view = (await answer.json()) as CentralQualityView;
    return { company: view.company.current, office: view.offices.find((o) => o.officeId === OFFICE)!.current };
  };
  const csvCompany = async () => {
    const csv = await (await fetch(`${central.url}/api/quality/monthly?month=2026-11&format=csv&sheet=company`, { headers: { authorization: `Bearer ${qualityToken}` } })).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    return (title: string) => lines.find((l) => l[0] === title)?.[1];
  };

  beforeAll(async () => {
    const config = testCentralConfig();
    config.qualityUsers = [{ login: 'kachestvo', name: 'Отдел качества', passwordHash: await hashPassword('пароль-качества') }];
    central = await startTestCentral({ config, now: () => clock.now(), webRoot: WEB_ROOT });
    cleanups.push(() => central.stop());
    printer = await FakeTcpPrinter.start({ condition: 'ok' });
    cleanups.push(() => printer.close());
    office = await startTestOffice({
      clock,
      config: demoConfig((c) => {
        c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: printer.uri, profile: 'generic-80mm' }];
        c.office.centralPublicUrl = central.url;
      }),
      central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS[OFFICE]!, retryMs: 200, phoneThrottleMs: 300, questionnaireEveryMs: 200 },
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
    const login = await fetch(`${central.url}/api/quality/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'kachestvo', password: 'пароль-качества' }) });
    qualityToken = ((await login.json()) as { token: string }).token;
    browser = await launchChromium();
    cleanups.push(() => browser.close());
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('asks the two questions once the visit is served, keeps one answer, and central counts it once', async () => {
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    const printed = decodeEscPos((await printer.waitForJobs(1))[0]!);
    const url = printed.qrCodes[0]!.payload.toString('ascii');
    expect(url.startsWith(`${central.url}/p/${OFFICE}.`)).toBe(true);
    const token = decodeURIComponent(new URL(url).pathname.replace(/^\/p\//, ''));
    const api = `${central.url}/api/phone/${encodeURIComponent(token)}/questionnaire`;

    const { context, page } = await openScreen(browser, url, PHONE);
    await page.getByTestId('people-ahead').waitFor();
    // Not served yet: no questions, and central refuses an answer.
    expect(await page.getByTestId('survey').count()).toBe(0);
    const early = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ solved: true, ease: 5 }) });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ ok: false, code: 'questionnaire-not-open' });

    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish');
    await page.locator('[data-state="finished"]').waitFor();
    const survey = page.getByTestId('survey');
    await survey.waitFor();
    expect(await page.getByRole('group', { name: 'Ваш вопрос решён?' }).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: /Насколько легко было\?/ }).isVisible()).toBe(true);
    expect(await page.getByTestId('survey-send').isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'Да' }).check();
    await page.getByRole('radio', { name: '4 из 5' }).check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Every choice is a big target: at least 44 x 44 CSS px.
    for (const box of await page.locator('.ph-choice').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect()).map((r) => [r.width, r.height])))
      expect(Math.min(...box)).toBeGreaterThanOrEqual(44);
    await saveScreenshot(page, 'phone-page-questionnaire');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('survey-send').click();
    await page.getByTestId('survey-done').filter({ hasText: 'Спасибо! Ваш ответ учтён.' }).waitFor();
    await saveScreenshot(page, 'phone-page-questionnaire-thanks');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const once = await companyQuestionnaire();
    expect(once.office.questionnaire).toMatchObject({ served: 1, servedWithPage: 1, answered: 1, responseRate: 1, pageResponseRate: 1, solvedShare: 1, meanEase: 4, easyShare: 1, firstVisitResolution: 1 });
    expect(once.company.questionnaire.answered).toBe(1);

    // A second submission, from the page's own API or a reload, is refused and counts nothing.
    const second = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ solved: false, ease: 1 }) });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ ok: false, code: 'questionnaire-answered' });
    await page.goto(`${url}?lang=en`);
    await page.getByTestId('survey-done').filter({ hasText: 'answered already' }).waitFor();
    expect(await page.getByTestId('survey').count()).toBe(0);
    const twice = await companyQuestionnaire();
    expect(twice.office.questionnaire).toEqual(once.office.questionnaire);
    await context.close();

    // The CSV counts it once, under its Russian headers.
    const cell = await csvCompany();
    expect(cell('Анкет заполнено')).toBe('1');
    expect(cell('Ответили из открывших страницу талона')).toBe('1');
    expect(cell('Решено с первого визита (анкета)')).toBe('1');
    expect(cell('Было легко, 4–5 (анкета)')).toBe('1');

    // Central's page for the quality department: the answer counted, charts with their tables.
    const desk = await openScreen(browser, `${central.url}/quality`, { width: 1440, height: 900 });
    const q = desk.page;
    await q.getByLabel('Логин').fill('kachestvo');
    await q.getByLabel('Пароль').fill('пароль-качества');
    await q.getByRole('button', { name: 'Войти' }).click();
    const month = q.locator('[data-testid="central-quality-month"]');
    await month.waitFor();
    // The page's month follows the browser's clock; central's clock is 24 November 2026.
    while ((await month.getAttribute('data-month'))! > '2026-11') await q.getByRole('button', { name: '◀ Раньше' }).click();
    while ((await month.getAttribute('data-month'))! < '2026-11') await q.getByRole('button', { name: 'Позже ▶' }).click();
    const answered = q.locator('[data-testid="company-questionnaire-answered"]');
    await answered.waitFor();
    expect(await answered.getAttribute('data-value')).toBe('1');
    expect(await q.locator('[data-testid="company-questionnaire-page-rate"]').getAttribute('data-value')).toBe('1');
    const officeRow = q.locator(`[data-testid="central-quality-office"][data-office="${OFFICE}"]`);
    expect(await officeRow.locator('td[data-key="questionnaire-answered"]').getAttribute('data-value')).toBe('1');
    expect(await officeRow.locator('td[data-key="mean-ease"]').getAttribute('data-value')).toBe('4');
    for (const chart of ['central-chart-trend-satisfaction', 'central-chart-trend-visits', 'central-chart-wait-bands'])
      expect(await q.locator(`[data-testid="${chart}"] canvas`).count()).toBeGreaterThan(0);
    // No complaint this month: the chart says so instead of drawing empty axes.
    expect(await q.getByTestId('central-chart-complaints').textContent()).toContain('Данных нет');
    await q.getByTestId('central-chart-trend-visits-switch').click();
    const today = q.locator('[data-testid="company-trend"] tbody tr').filter({ has: q.locator('th', { hasText: '24.11' }) });
    expect(await today.locator('td').first().textContent()).toBe('1');
    await saveScreenshot(q, 'central-quality-questionnaire');
    expect(await seriousAccessibilityViolations(q)).toEqual([]);
    await desk.context.close();
  });

  it("the phone page's answer comes down to the office's own view; an answer on the office's ticket page goes up to central's", async () => {
    const head = await office.connect('/dashboard', { session: await office.login('head') });
    const officeQuestionnaire = async () =>
      (await command<{ ok: true; report: { current: { questionnaire: Record<string, number | null> } } }>(head, 'dashboard:quality', { from: TODAY, to: TODAY })).report.current.questionnaire;
    // Down, through the real link: the first test's answer on central's phone page, and its page opening.
    await expect.poll(officeQuestionnaire, { timeout: 10_000 }).toMatchObject({ served: 1, servedWithPage: 1, answered: 1, solvedShare: 1, meanEase: 4 });

    // Up: a second visitor answers on the office's own page, /t/<id> (where an office without central sends its QR).
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    const issued = await command<{ ok: true; ticket: { id: string } }>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish');
    const { context, page } = await openScreen(browser, `${office.url}/t/${issued.ticket.id}`, PHONE);
    await page.getByRole('group', { name: 'Ваш вопрос решён?' }).getByRole('radio', { name: 'Нет' }).check();
    await page.getByRole('group', { name: /Насколько легко было\?/ }).getByRole('radio', { name: '2' }).check();
    await page.getByRole('button', { name: 'Отправить ответ' }).click();
    await page.getByTestId('survey-thanks').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'office-ticket-page-questionnaire');
    await context.close();

    // The office counts both at once; central once the exchange has run, each answer once on each side.
    expect(await officeQuestionnaire()).toMatchObject({ served: 2, servedWithPage: 2, answered: 2, solvedShare: 0.5, meanEase: 3 });
    await expect.poll(async () => (await companyQuestionnaire()).office.questionnaire, { timeout: 10_000 }).toMatchObject({ served: 2, servedWithPage: 2, answered: 2, solvedShare: 0.5, meanEase: 3 });
    await new Promise((r) => setTimeout(r, 600));
    expect(await officeQuestionnaire()).toMatchObject({ answered: 2, servedWithPage: 2 });
    expect((await companyQuestionnaire()).office.questionnaire).toMatchObject({ answered: 2, servedWithPage: 2 });
    // On the head's screen: the «Качество» tab counts both answers and their reach.
    const dash = await openScreen(browser, `${office.url}/dashboard`, { width: 1440, height: 900 });
    await dash.page.getByLabel('Логин').fill('head');
    await dash.page.getByLabel('Пароль').fill('demo');
    await dash.page.getByRole('button', { name: 'Войти' }).click();
    await dash.page.getByRole('button', { name: 'Качество', exact: true }).click();
    const cell = (key: string) => dash.page.locator(`[data-testid="quality-${key}"]`).getAttribute('data-value');
    await expect.poll(() => cell('questionnaire-answered')).toBe('2');
    expect(await cell('questionnaire-page-rate')).toBe('1');
    expect(await cell('solved-share')).toBe('0.5');
    expect(await cell('mean-ease')).toBe('3');
    await saveScreenshot(dash.page, 'dashboard-quality-questionnaire');
    await dash.context.close();
    expect(office.app.context.db.prepare(`SELECT source, synced FROM questionnaire_answers ORDER BY source`).all()).toEqual([
      { source: 'central', synced: 1 },
      { source: 'office', synced: 1 },
    ]);
  });
});
