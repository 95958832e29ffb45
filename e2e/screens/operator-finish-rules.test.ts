import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';

// Issue 17: an office that requires the outcome of payments and the disabled category's document
// check; the console holds «Завершить» until both are given, the server refuses the same, and
// the dashboard counts priority visits finished with the document never confirmed.
describe.runIf(browserSuitesRun)('operator console: what must be recorded before finishing', () => {
  let office: TestOffice;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let kiosk: Socket;

  const button = (name: RegExp) => page.getByRole('button', { name });
  const issue = async (serviceId: string, categoryId?: string): Promise<string> => {
    const ack = await command<{ ok: boolean; ticket: { number: string } }>(kiosk, 'ticket:issue', { serviceId, ...(categoryId && { categoryId }) });
    expect(ack.ok).toBe(true);
    return ack.ticket.number;
  };
  const priorityUnconfirmed = async (): Promise<number> => {
    const head = await office.connect('/dashboard', { session: await office.login('head') });
    const ack = await command<{ ok: boolean; state: { totals: { priorityUnconfirmed: number } } }>(head, 'dashboard:snapshot');
    head.disconnect();
    return ack.state.totals.priorityUnconfirmed;
  };

  beforeAll(async () => {
    office = await startTestOffice({
      config: demoConfig((config) => {
        config.services.find((s) => s.id === 'payments')!.finishRequires = { outcome: true, documentCheck: false };
        config.categories.find((c) => c.id === 'disabled')!.finishRequires = { outcome: false, documentCheck: true };
        config.breaks = [];
      }),
    });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    browser = await launchChromium();
    ({ context, page } = await openScreen(browser, `${office.url}/operator`));
    page.setDefaultTimeout(5_000);
    await page.getByLabel('Логин').fill('ivanova');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('button:not([disabled])', { hasText: /^Окно 1$/ }).waitFor();
    await button(/^Окно 1$/).click();
    await page.getByTestId('desk-status').getByText('Открыто').waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  it('holds «Завершить» until the document check and the outcome are given; the server refuses the same', async () => {
    const number = await issue('payments', 'disabled');
    await expect.poll(() => button(/^Вызвать следующего/).isEnabled()).toBe(true);
    await button(/^Вызвать следующего/).click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toBe(number);
    await expect.poll(() => button(/^Начать приём/).isEnabled()).toBe(true);
    await button(/^Начать приём/).click();
    await expect.poll(() => page.getByTestId('current-status').textContent()).toBe('Обслуживается');
    await expect.poll(() => page.getByTestId('finish-needs').textContent()).toBe(
      'Чтобы завершить, выберите результат обращения. Чтобы завершить, отметьте, предъявлен ли документ.',
    );
    expect(await button(/^Завершить/).isDisabled()).toBe(true);
    await saveScreenshot(page, 'operator-finish-needs');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The server keeps the rule for any client, not only this console.
    const other = await office.connect('/operator', { session: await office.login('ivanova') });
    const refused = await command<{ ok: boolean; code?: string }>(other, 'ticket:finish', {});
    expect(refused).toMatchObject({ ok: false, code: 'document-check-required' });

    await button(/^Документ предъявлен/).click();
    await expect.poll(() => page.getByTestId('finish-needs').textContent()).toBe('Чтобы завершить, выберите результат обращения.');
    expect(await button(/^Завершить/).isDisabled()).toBe(true);
    const noOutcome = await command<{ ok: boolean; code?: string }>(other, 'ticket:finish', {});
    expect(noOutcome).toMatchObject({ ok: false, code: 'outcome-required' });
    other.disconnect();

    await page.getByLabel('Результат обращения').selectOption('paid');
    await expect.poll(() => button(/^Завершить/).isEnabled()).toBe(true);
    await button(/^Завершить/).click();
    await page.getByText('Посетителя нет. Вызовите следующего.').waitFor();
    expect(await priorityUnconfirmed()).toBe(0);
  });

  it('lets an office that asks nothing finish a priority visitor unchecked, and the dashboard counts it', async () => {
    const number = await issue('meters', 'svo');
    await expect.poll(() => button(/^Вызвать следующего/).isEnabled()).toBe(true);
    await button(/^Вызвать следующего/).click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toBe(number);
    await expect.poll(() => button(/^Начать приём/).isEnabled()).toBe(true);
    await button(/^Начать приём/).click();
    await expect.poll(() => button(/^Завершить/).isEnabled()).toBe(true);
    expect(await page.getByTestId('finish-needs').count()).toBe(0);
    await button(/^Завершить/).click();
    await page.getByText('Посетителя нет. Вызовите следующего.').waitFor();
    expect(await priorityUnconfirmed()).toBe(1);
  });

  it("shows the head that visit on the dashboard's tile in Chromium, marked for attention", async () => {
    // The head's own screen, beside the desk: the tile reads what the snapshot counted.
    const dashboard = await openScreen(browser, `${office.url}/dashboard`, { width: 1440, height: 900 });
    try {
      const head = dashboard.page;
      head.setDefaultTimeout(5_000);
      await head.getByLabel('Логин').fill('head');
      await head.getByLabel('Пароль').fill('demo');
      await head.getByRole('button', { name: 'Войти' }).click();
      const count = head.getByTestId('priority-unconfirmed-count');
      await expect.poll(() => count.textContent()).toBe('1');
      const tile = count.locator('xpath=..');
      expect(await tile.locator('.dash-tile__label').textContent()).toBe('Льготники без проверенного документа');
      expect(await tile.getAttribute('class')).toContain('dash-tile--warn');
      await saveScreenshot(head, 'dashboard-priority-unconfirmed');
      expect(await seriousAccessibilityViolations(head)).toEqual([]);
    } finally {
      await dashboard.context.close();
    }
  });

  it('on a break says so instead of «Вызовите следующего», and its counts agree with its list', async () => {
    // A payments ticket sent to desk 3 only: desk 1 serves payments but may not call this one.
    // Desk 1 pauses first, so desk 2 is the one to call it.
    await expect.poll(() => button(/^Перерыв/).isEnabled()).toBe(true);
    await button(/^Перерыв/).click();
    await page.getByText('Посетителя нет. Окно на перерыве: чтобы вызывать, нажмите «Продолжить работу».').waitFor();
    const head = await office.connect('/operator', { session: await office.login('sidorova') });
    expect((await command<{ ok: boolean }>(head, 'desk:open', { deskId: 'desk-2' })).ok).toBe(true);
    await issue('payments');
    expect((await command<{ ok: boolean }>(head, 'ticket:call-next', {})).ok).toBe(true);
    expect((await command<{ ok: boolean }>(head, 'ticket:transfer', { toDeskId: 'desk-3' })).ok).toBe(true);
    head.disconnect();

    expect(await page.getByText('Вызовите следующего').count()).toBe(0);
    await page.getByText('Никто не ждёт').waitFor();
    for (const serviceId of ['payments', 'meters']) expect(await page.getByTestId(`waiting-${serviceId}`).textContent()).toBe('0');
    await saveScreenshot(page, 'operator-on-break');
  });
});
