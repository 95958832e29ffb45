import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, installed by `.ci/run`; the only browser the screen tests drive. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM_PATH);
/** Off CI a machine without Chromium skips the browser suites; on CI a missing browser fails them. */
export const browserSuitesRun = chromiumPresent || process.env.CI === 'true';

/** Screenshots are artifacts for people, never committed (test-results/ is ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** A fresh context per screen, the way each is a separate device in the office. */
export async function openScreen(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    // A page error is a bug in the screen; make it visible in the test log.
    console.error(`[page error] ${url}: ${error.message}`);
  });
  await page.goto(url);
  return { context, page };
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

/**
 * Starts watching `page` for `selector` and resolves once the watch is in place; the returned
 * function waits for the element and gives the page's own `Date.now()` when it first appeared.
 * A real-time limit measured this way counts the screen, not Playwright's polling and round trips
 * on a busy machine (page and test share the host's wall clock).
 */
export async function watchAppearance(page: Page, selector: string): Promise<(timeoutMs?: number) => Promise<number>> {
  const key = `__appeared_${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ selector, key }) => {
      const store = window as unknown as Record<string, number | undefined>;
      const seen = () => {
        if (store[key] === undefined && document.querySelector(selector)) store[key] = Date.now();
        return store[key] !== undefined;
      };
      if (seen()) return;
      const observer = new MutationObserver(() => {
        if (seen()) observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    { selector, key },
  );
  return async (timeoutMs = 10_000) => {
    const handle = await page.waitForFunction((key) => (window as unknown as Record<string, number | undefined>)[key], key, { timeout: timeoutMs });
    return (await handle.jsonValue()) as number;
  };
}
