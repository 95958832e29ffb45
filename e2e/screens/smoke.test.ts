import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { browserSuitesRun, launchChromium, openScreen } from '../support/browser.js';

// Each screen page loads from the office server and mounts without a page error.
describe.runIf(browserSuitesRun)('screens are served by the office server', () => {
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

  it.each(['kiosk', 'operator', 'board', 'dashboard', 'admin'])('/%s mounts its screen', async (role) => {
    const { context, page } = await openScreen(browser, `${office.url}/${role}`);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.waitForSelector('#root > *');
    expect(errors).toEqual([]);
    await context.close();
  });
});
