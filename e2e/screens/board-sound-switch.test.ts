import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_TOKENS, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { browserSuitesRun, CHROMIUM_PATH, saveScreenshot } from '../support/browser.js';

// Issue 17: «Включить звук» must not stay on the hall's picture once sound may play.
describe.runIf(browserSuitesRun)('board: the sound switch', () => {
  let office: TestOffice;
  let browser: Browser;

  beforeAll(async () => {
    office = await startTestOffice();
    // The browser's default policy: a page stays silent until touched (the shared launcher allows autoplay).
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  it('shows while the page is silent and is gone once a press anywhere lets sound play', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    const page = await context.newPage();
    await page.goto(`${office.url}/board?token=${DEMO_TOKENS.board}`);
    const soundButton = page.getByRole('button', { name: 'Включить звук' });
    await soundButton.waitFor();
    // Not the button itself: a press on the picture (or a remote's key) also unlocks the sound.
    await page.mouse.click(400, 600);
    await soundButton.waitFor({ state: 'detached', timeout: 5_000 });
    await saveScreenshot(page, 'board-sound-on');
    expect(await soundButton.count()).toBe(0);
    await context.close();
  });
});
