import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_TOKENS, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';

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
