import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';

/**
 * The demo config names its office, desks, services and outcome codes in English too (issue 15):
 * every screen opened in English shows those names, and the same screen in Russian the Russian ones.
 */
describe.runIf(browserSuitesRun)('English names on English screens', () => {
  let office: TestOffice;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let kiosk: Socket;
  let operator: Socket;

  const open = async (path: string, viewport?: { width: number; height: number }): Promise<Page> => {
    const { context, page } = await openScreen(browser, `${office.url}${path}`, viewport);
    contexts.push(context);
    page.setDefaultTimeout(5_000);
    return page;
  };
  const logIn = async (page: Page, login: string, labels: { login: string; password: string; submit: string }) => {
    await page.getByLabel(labels.login).fill(login);
    await page.getByLabel(labels.password).fill('demo');
    await page.getByRole('button', { name: labels.submit }).click();
  };
  const english = { login: 'Login', password: 'Password', submit: 'Log in' };

  beforeAll(async () => {
    office = await startTestOffice();
    browser = await launchChromium();
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    operator = await office.connect('/operator', { session: await office.login('petrov') });
    // Someone waits for payments and desk 2 calls them: the board, the dashboard and the console have names to show.
    expect(await command(kiosk, 'ticket:issue', { serviceId: 'payments' })).toMatchObject({ ok: true });
    expect(await command(kiosk, 'ticket:issue', { serviceId: 'payments' })).toMatchObject({ ok: true });
    expect(await command(operator, 'desk:open', { deskId: 'desk-2' })).toMatchObject({ ok: true });
    expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  it('the kiosk names the office and the services in English, and in Russian on a Russian kiosk', async () => {
    const page = await open(`/kiosk?lang=en&token=${DEMO_TOKENS.kiosk}`, { width: 1080, height: 1920 });
    await expect.poll(() => page.locator('.kiosk__office').textContent(), { timeout: 10_000 }).toBe('Central customer office (demo)');
    await page.getByRole('button', { name: /Payments and advice/ }).waitFor();
    await saveScreenshot(page, 'english-kiosk');
    const russian = await open(`/kiosk?token=${DEMO_TOKENS.kiosk2}`, { width: 1080, height: 1920 });
    await expect.poll(() => russian.locator('.kiosk__office').textContent(), { timeout: 10_000 }).toBe('ЦОК «Центральный» (демо)');
    await russian.getByRole('button', { name: /Оплата и консультации/ }).waitFor();
  });

  it('the board names the office and the waiting services in English', async () => {
    const page = await open(`/board?lang=en&token=${DEMO_TOKENS.board}`, { width: 1920, height: 1080 });
    await expect.poll(() => page.locator('.board__office').textContent(), { timeout: 10_000 }).toBe('Central customer office (demo)');
    await expect.poll(() => page.getByTestId('board-waiting').textContent(), { timeout: 10_000 }).toContain('Payments and advice');
    expect(await page.getByTestId('board-waiting').textContent()).not.toContain('Оплата');
    await saveScreenshot(page, 'english-board');
  });

  it("the operator console names desks, services and outcome codes in English", async () => {
    const page = await open('/operator?lang=en');
    await logIn(page, 'ivanova', english);
    // The desk picker: desk 2 is taken by Petrov, desk 1 is free; both by their English names.
    await page.getByRole('button', { name: 'Desk 1', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Desk 2', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Desk 1', exact: true }).click();
    await expect.poll(() => page.locator('.op-header__desk').textContent(), { timeout: 10_000 }).toBe(' · Desk 1');
    await page.getByRole('button', { name: /^Call next/ }).click();
    await expect.poll(() => page.getByTestId('current-status').textContent(), { timeout: 10_000 }).toBe('Called');
    expect(await page.locator('.op-visitor').textContent()).toContain('Payments and advice');
    await page.getByRole('button', { name: /^Start/ }).click();
    // The outcome codes of payments, in English.
    await expect.poll(() => page.locator('option', { hasText: 'Payment taken' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('body').textContent()).not.toContain('Принята оплата');
    await saveScreenshot(page, 'english-operator');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it("the dashboard names the office, desks and services in English; the Russian one in Russian", async () => {
    const page = await open('/dashboard?lang=en', { width: 1440, height: 900 });
    await logIn(page, 'head', english);
    await page.getByTestId('served-count').waitFor();
    expect(await page.locator('.dash__office').textContent()).toMatch(/^Central customer office \(demo\) · /);
    const desks = await page.locator('[data-testid="desk-row"] th').allTextContents();
    expect(desks).toEqual(['Desk 1', 'Desk 2', 'Desk 3', 'Desk 4']);
    expect(await page.locator('[data-testid="queue-row"][data-service="payments"]').textContent()).toContain('Payments and advice');
    await saveScreenshot(page, 'english-dashboard');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(`${office.url}/dashboard`);
    await page.getByTestId('served-count').waitFor();
    expect(await page.locator('.dash__office').textContent()).toMatch(/^ЦОК «Центральный» \(демо\) · /);
    expect(await page.locator('[data-testid="desk-row"] th').allTextContents()).toEqual(['Окно 1', 'Окно 2', 'Окно 3', 'Окно 4']);
  });

  it('the admin screen heads desks and services by their English names and edits both', async () => {
    const page = await open('/admin?lang=en');
    await logIn(page, 'admin', english);
    await page.getByRole('button', { name: 'Desks', exact: true }).click();
    await page.locator('legend', { hasText: 'Desk 3' }).first().waitFor();
    expect(await page.locator('[data-field="desks[2].nameEn"] input').inputValue()).toBe('Desk 3');
    await page.getByRole('button', { name: 'Services', exact: true }).click();
    await page.locator('legend', { hasText: 'Payments and advice' }).first().waitFor();
    await saveScreenshot(page, 'english-admin');
  });
});
