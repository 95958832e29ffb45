import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

// What the e2e tests of central's visitor pages (booking page, phone page) share: where the built
// pages are, the phone's screen, and two small waits.

/** Central's built web pages; the suites run only where they are built (or under CI, where they must be). */
export const WEB_ROOT = resolve(import.meta.dirname, '../../apps/booking-service/dist/web');

/** The phone size. */
export const PHONE = { width: 390, height: 844 };

/** Waits until `check` holds, polling every 25 ms; fails naming `what`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The trimmed text of the element with this test id. */
export const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
