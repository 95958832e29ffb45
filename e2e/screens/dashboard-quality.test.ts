import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';

/** The head's «Качество» tab: the numbers on screen are the office server's, for today's month. */
describe.runIf(browserSuitesRun)('the Quality view on the office dashboard in Chromium', () => {
  let office: TestOffice;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    office = await startTestOffice({
      config: demoConfig((c) => {
        c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 }];
      }),
    });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    const agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
    await command(agent, 'device:hello', { agentVersion: 'test', printers: [], buttons: [{ deskId: 'desk-1', online: true }] });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    let seq = 0;
    const serve = async (issue: Record<string, unknown>, outcomeId?: string, rating?: number) => {
      expect(await command(kiosk, 'ticket:issue', issue)).toMatchObject({ ok: true });
      expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true });
      expect(await command(operator, 'ticket:start')).toMatchObject({ ok: true });
      expect(await command(operator, 'ticket:finish', outcomeId ? { outcomeId } : {})).toMatchObject({ ok: true });
      if (rating) expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: rating, seq: ++seq, buttonDeviceId: 7 })).toMatchObject({ ok: true });
    };
    // Four visits: one account twice for meters (a repeat), a complaint, ratings 2, 5 and 4.
    await serve({ serviceId: 'meters', accountNumber: '12345678' }, undefined, 2);
    await serve({ serviceId: 'meters', accountNumber: '12345678' }, undefined, 5);
    await serve({ serviceId: 'payments' }, 'bill-complaint', 4);
    await serve({ serviceId: 'payments' });
    browser = await launchChromium();
    ({ context, page } = await openScreen(browser, `${office.url}/dashboard`, { width: 1440, height: 900 }));
    await page.getByLabel('Логин').fill('head');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('[data-testid="served-count"]').waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  const value = (key: string) => page.locator(`[data-testid="quality-${key}"]`).getAttribute('data-value');

  it('shows this month\'s indicators with the previous period beside them', async () => {
    await page.getByRole('button', { name: 'Качество', exact: true }).click();
    await page.locator('[data-testid="quality-served"]').waitFor();
    expect(await value('served')).toBe('4');
    expect(await value('response-rate')).toBe('0.75');
    expect(Number(await value('satisfied-share'))).toBeCloseTo(2 / 3);
    expect(await value('complaints')).toBe('1');
    expect(await value('complaints-per-1000')).toBe('250');
    expect(await value('with-account')).toBe('2');
    expect(await value('repeats')).toBe('1');
    expect(await value('first-visit-resolution')).toBe('0.5');
    expect(await value('served-previous')).toBe('0');
    expect(await page.locator('[data-testid="quality-satisfied-share"]').textContent()).toBe('67 %');
  });

  it('has every chart\'s numbers one click away as a table', async () => {
    const bands = page.locator('[data-testid="quality-chart-wait-bands"]');
    expect(await bands.locator('canvas').count()).toBeGreaterThan(0);
    await bands.getByRole('button', { name: 'Таблица' }).click();
    // Everyone was called at once: all three ratings sit in the first band, two of three satisfied.
    expect(await bands.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['67 %', '3']);
    const complaints = page.locator('[data-testid="quality-chart-complaints"]');
    await complaints.getByRole('button', { name: 'Таблица' }).click();
    expect(await complaints.locator('tbody tr').first().textContent()).toBe('Жалоба на начисление10');
  });

  it('lists the low rating and lets the head mark the call-back done with a note', async () => {
    const row = page.locator('[data-testid="quality-follow-up"]');
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-done')).toBe('no');
    await row.getByLabel('Заметка о звонке').fill('Перезвонили, показания приняты');
    await row.getByRole('button', { name: 'Перезвонили' }).click();
    await expect.poll(() => row.getAttribute('data-done')).toBe('yes');
    expect(await row.textContent()).toContain('Сделано: Перезвонили, показания приняты');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'dashboard-quality');
  });
});
