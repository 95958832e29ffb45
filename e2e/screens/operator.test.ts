import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';

// One operator's working session at desk 1 (payments and meters), driven through the real screen.
describe.runIf(browserSuitesRun)('operator console', () => {
  let office: TestOffice;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let kiosk: Socket;
  let officeStopped = false;

  const issue = async (serviceId: string): Promise<string> => {
    const ack = await command<{ ok: boolean; ticket: { number: string } }>(kiosk, 'ticket:issue', { serviceId });
    expect(ack.ok).toBe(true);
    return ack.ticket.number;
  };
  const button = (name: RegExp) => page.getByRole('button', { name });
  const currentTicket = () => page.getByTestId('current-ticket');
  const status = () => page.getByTestId('current-status');

  beforeAll(async () => {
    // Ivanova's lunch is planned around now, so the console has a break to announce.
    office = await startTestOffice({
      config: demoConfig((config) => {
        const lunch = config.breaks.find((b) => b.operatorId === 'op-ivanova')!;
        lunch.from = moscowTime(Date.now() - 5 * 60_000, '00:00');
        lunch.to = moscowTime(Date.now() + 30 * 60_000, '23:59');
      }),
    });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    browser = await launchChromium();
    ({ context, page } = await openScreen(browser, `${office.url}/operator`));
    // A control that never becomes usable should fail its test in seconds, not half a minute.
    page.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (!officeStopped) await office?.stop({ wipe: true });
  });

  it('logs in and opens a desk; the desk is taken for others', async () => {
    await page.getByLabel('Логин').fill('ivanova');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect.poll(() => button(/^Окно 1$/).isEnabled()).toBe(true);
    await saveScreenshot(page, 'operator-desk-picker');
    await button(/^Окно 1$/).click();
    await page.getByTestId('desk-status').getByText('Открыто').waitFor();
    expect(await page.getByTestId('break-notice').textContent()).toMatch(/^По графику сейчас перерыв \(обед, \d\d:\d\d–\d\d:\d\d\)$/);
    // Nobody waits yet: calling is illegal, so disabled, while pausing is allowed. Pausing is
    // waited for first: while the open command is in flight every button is disabled, which
    // would pass the other two checks for the wrong reason.
    await expect.poll(() => button(/^Перерыв/).isEnabled()).toBe(true);
    expect(await button(/^Вызвать следующего/).isDisabled()).toBe(true);
    expect(await button(/^Завершить/).isDisabled()).toBe(true);
    const other = await office.connect('/operator', { session: await office.login('petrov') });
    const snapshot = await command<{ ok: boolean; state: { desks: { id: string; operatorName?: string }[] } }>(other, 'operator:snapshot');
    expect(snapshot.state.desks.find((d) => d.id === 'desk-1')?.operatorName).toBe('Иванова Мария');
  });

  it('lays its keys out 1,2,3 / 4,5,6 / 7 at every desk width (issue 15)', async () => {
    // Rows of the visit's keys, read from where Chromium drew them: keys whose tops agree share a row.
    const rows = () =>
      page.evaluate(() => {
        const keys = [...document.querySelectorAll<HTMLElement>('.op-action-grid [aria-keyshortcuts]')].map((b) => ({
          key: b.getAttribute('aria-keyshortcuts')!,
          top: Math.round(b.getBoundingClientRect().top),
          left: b.getBoundingClientRect().left,
        }));
        const byTop = new Map<number, { key: string; left: number }[]>();
        for (const k of keys) byTop.set(k.top, [...(byTop.get(k.top) ?? []), k]);
        return [...byTop.entries()].sort(([a], [b]) => a - b).map(([, row]) => row.sort((a, b) => a.left - b.left).map((k) => k.key).join(','));
      });
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1440, height: 900 },
      { width: 1600, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      await expect.poll(rows, { message: `${viewport.width}x${viewport.height}` }).toEqual(['1,2,3', '4,5,6', '7']);
      if (viewport.width === 1366 || viewport.width === 1920) await saveScreenshot(page, `operator-keys-${viewport.width}x${viewport.height}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('shows a kiosk ticket in the counts and calls it by button, starts and finishes with an outcome', async () => {
    const number = await issue('payments');
    await expect.poll(() => page.getByTestId('waiting-payments').textContent()).toBe('1');
    await page.getByRole('row', { name: new RegExp(number) }).waitFor();
    await button(/^Вызвать следующего/).click();
    await expect.poll(() => currentTicket().textContent()).toBe(number);
    expect(await status().textContent()).toBe('Вызван');
    await expect.poll(() => page.getByTestId('waiting-payments').textContent()).toBe('0');
    // A called visitor cannot be finished before the service starts, and the desk cannot pause
    // (checked once the console is free again, when starting is allowed).
    await expect.poll(() => button(/^Начать приём/).isEnabled()).toBe(true);
    expect(await button(/^Завершить/).isDisabled()).toBe(true);
    expect(await button(/^Перерыв/).isDisabled()).toBe(true);
    expect(await button(/^Вызвать следующего/).isDisabled()).toBe(true);
    await button(/^Начать приём/).click();
    await expect.poll(() => status().textContent()).toBe('Обслуживается');
    await page.getByLabel('Результат обращения').selectOption('paid');
    await saveScreenshot(page, 'operator-serving');
    await button(/^Завершить/).click();
    await page.getByText('Посетителя нет. Вызовите следующего.').waitFor();
  });

  it('calls by the keyboard shortcut, times the call, holds a no-show for undo, then marks it; counts the day', async () => {
    const number = await issue('meters');
    await expect.poll(() => button(/^Вызвать следующего/).isEnabled()).toBe(true);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('1');
    await expect.poll(() => currentTicket().textContent()).toBe(number);
    // The call's own clock runs while the desk waits for the visitor.
    await expect.poll(() => page.getByTestId('call-time').textContent(), { timeout: 4_000 }).toMatch(/^0:0[1-9]$/);

    // «Не явился» is held with an «Отменить»: undone, the ticket stays called at this desk.
    await button(/^Не явился/).click();
    const held = page.getByTestId('no-show-pending');
    await held.waitFor();
    expect(await held.textContent()).toContain(`Талон ${number} будет отмечен «Не явился» через`);
    await saveScreenshot(page, 'operator-no-show-undo');
    await page.getByTestId('no-show-undo').click();
    await held.waitFor({ state: 'detached' });
    await page.waitForTimeout(7_000);
    expect(await status().textContent()).toBe('Вызван');
    expect(await currentTicket().textContent()).toBe(number);

    // Not undone: sent once the window is over, and the operator's day counts it.
    const pressed = Date.now();
    await button(/^Не явился/).click();
    await page.getByText('Посетителя нет. Вызовите следующего.').waitFor({ timeout: 10_000 });
    expect(Date.now() - pressed).toBeGreaterThan(5_000);
    await expect.poll(() => page.getByTestId('operator-today').textContent()).toBe('Принято: 1 · Не явились: 1');
  });

  it('calls a given number from the waiting list, then transfers it with a comment', async () => {
    const first = await issue('payments');
    const second = await issue('payments');
    await page.getByRole('button', { name: `Вызвать ${second}` }).click();
    await expect.poll(() => currentTicket().textContent()).toBe(second);
    // Keys act only once the console is free again, as the buttons do.
    await expect.poll(() => button(/^Перенаправить/).isEnabled()).toBe(true);
    await page.keyboard.press('6');
    // The form opens in view, its submit button included, on the desk's 1366x768 screen.
    const submit = button(/^Перенаправить посетителя/);
    await expect.poll(() => submit.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true);
    await page.getByLabel('Комментарий для следующего окна').fill('Нужен договор, паспорт проверен');
    await page.getByLabel('Услуга', { exact: true }).selectOption('contracts');
    await saveScreenshot(page, 'operator-transfer');
    await button(/^Перенаправить посетителя/).click();
    await page.getByText('Посетителя нет. Вызовите следующего.').waitFor();
    // Desk 1 does not serve contracts, so the transferred ticket leaves this desk's list.
    await expect.poll(() => page.getByRole('button', { name: `Вызвать ${second}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Вызвать ${first}` }).count()).toBe(1);

    const head = await office.connect('/operator', { session: await office.login('sidorova') });
    const opened = await command<{ ok: boolean }>(head, 'desk:open', { deskId: 'desk-3' });
    expect(opened.ok).toBe(true);
    const called = await command<{ ok: boolean; desk: { currentTicket?: { number: string; transferComment?: string } } }>(head, 'ticket:call', {
      ticketId: (await waitingTicketId(head, second))!,
    });
    expect(called.desk.currentTicket).toMatchObject({ number: second, transferComment: 'Нужен договор, паспорт проверен' });
  });

  it('pauses with a reason and resumes; calling is disabled during the pause', async () => {
    await page.getByLabel('Причина перерыва').selectOption('paperwork');
    await button(/^Перерыв/).click();
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toMatch(/^Перерыв \(работа с документами\)/);
    await expect.poll(() => button(/^Продолжить работу/).isEnabled()).toBe(true);
    expect(await button(/^Вызвать следующего/).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^Вызвать A/ }).first().isDisabled()).toBe(true);
    await saveScreenshot(page, 'operator-paused');
    await page.keyboard.press('9');
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toBe('Открыто');
    await expect.poll(() => button(/^Вызвать следующего/).isEnabled()).toBe(true);
  });

  it('shows a priority visitor\'s document to check and records the check', async () => {
    const ack = await command<{ ok: boolean; ticket: { number: string } }>(kiosk, 'ticket:issue', { serviceId: 'meters', categoryId: 'disabled' });
    expect(ack.ok).toBe(true);
    await expect.poll(() => button(/^Вызвать следующего/).isEnabled()).toBe(true);
    await button(/^Вызвать следующего/).click();
    // Priority comes before the walk-in still waiting from the transfer test.
    await expect.poll(() => currentTicket().textContent()).toBe(ack.ticket.number);
    await page.getByText('Справка МСЭ об инвалидности').waitFor();
    await page.getByText('— документ не проверен').waitFor();
    await saveScreenshot(page, 'operator-priority');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await button(/^Документ предъявлен/).click();
    await page.getByText('— документ предъявлен').waitFor();
    expect(await button(/^Документ предъявлен/).count()).toBe(0);
    await button(/^Начать приём/).click();
    await expect.poll(() => button(/^Завершить/).isEnabled()).toBe(true);
    await page.keyboard.press('4');
    await page.getByText('Посетителя нет. Вызовите следующего.').waitFor();
  });

  it('has no serious or critical accessibility violations', async () => {
    await button(/^Вызвать следующего/).click();
    await expect.poll(() => status().textContent()).toBe('Вызван');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('closes the desk after a confirmation and logs out', async () => {
    await button(/^Не явился/).click();
    // Sent once its undo window is over.
    await page.getByText('Посетителя нет. Вызовите следующего.').waitFor({ timeout: 10_000 });
    await button(/^Закрыть окно/).click();
    await button(/^Да, закрыть окно/).click();
    await page.getByRole('heading', { name: 'Выберите окно' }).waitFor();
    await button(/^Выйти/).click();
    await page.getByLabel('Логин').waitFor();
  });

  it('goes back to the login form when the administrator changes the operator\'s password', async () => {
    await page.getByLabel('Логин').fill('kuznetsov');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { name: 'Выберите окно' }).waitFor();
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    expect(await command(admin, 'operator:set-password', { operatorId: 'op-kuznetsov', password: 'kuznetsov-2026' })).toEqual({ ok: true });
    // Whoever knew the old password is out: the console asks for a login, not for a desk.
    await page.getByLabel('Логин').waitFor();
    expect(await page.getByRole('heading', { name: 'Выберите окно' }).count()).toBe(0);
  });

  it('says when the link to the server is lost and disables every action', async () => {
    await page.getByLabel('Логин').fill('petrov');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await button(/^Окно 2$/).click();
    await page.getByTestId('desk-status').getByText('Открыто').waitFor();
    await expect.poll(() => button(/^Перерыв/).isEnabled()).toBe(true);
    await office.stop({ wipe: true });
    officeStopped = true;
    await expect.poll(() => page.getByTestId('link-banner').getAttribute('data-link')).toBe('offline');
    expect(await page.getByTestId('link-banner').textContent()).toBe('Нет связи с сервером. Восстанавливаем…');
    for (const name of [/^Вызвать следующего/, /^Перерыв/, /^Закрыть окно/]) expect(await button(name).isDisabled()).toBe(true);
    await saveScreenshot(page, 'operator-offline');
  });
});

async function waitingTicketId(operator: Socket, number: string): Promise<string | undefined> {
  const ack = await command<{ ok: boolean; state: { waiting: { id: string; number: string }[] } }>(operator, 'operator:snapshot');
  return ack.state.waiting.find((t) => t.number === number)?.id;
}

/** Office wall-clock "HH:MM", held to the same day so the break stays valid near midnight. */
function moscowTime(at: number, limit: string): string {
  const now = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now());
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (limit === '00:00') return time > now ? limit : time;
  return time < now ? limit : time;
}
