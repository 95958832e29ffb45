import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { browserSuitesRun, launchChromium, saveScreenshot } from '../support/browser.js';

/** Longer than any real one: it must wrap between words on a 1366 panel, never be cut. */
const LONG_NAME = 'Приём показаний, перерасчёт платы и консультации по многоквартирным домам';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
}

/** What the hall sees, measured from the elements' boxes in the page. */
interface BoardLayout {
  scrollWidth: number;
  scrollHeight: number;
  panel: Box;
  numbers: Box[];
  /** Text wider than its box: a number or a name cut at the edge. */
  clipped: string[];
  waitingPanel: Box;
  waitingRows: Box[];
  /** Each service name's lines: a word never splits, so every line break falls between words. */
  nameBreaksInsideWords: string[];
}

function layout(page: Page): Promise<BoardLayout> {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    const clipped = [...document.querySelectorAll('.board-call__number, .board-call__desk, .board__service, .board__count, .board__history li span')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      .map((el) => el.textContent ?? '');
    // A word broken across lines shows as a line box starting inside the word: walk each name's
    // characters and see where the line changes.
    const nameBreaksInsideWords: string[] = [];
    for (const name of document.querySelectorAll('.board__service')) {
      const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let lastTop: number | null = null;
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = range.getBoundingClientRect().top;
          if (lastTop !== null && top > lastTop + 2 && text[i - 1] !== ' ' && text[i] !== ' ') nameBreaksInsideWords.push(text);
          lastTop = top;
        }
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      panel: box(document.querySelector('.board__calls')!),
      numbers: [...document.querySelectorAll('.board-call__number')].map(box),
      clipped,
      waitingPanel: box(document.querySelector('.board__waiting')!),
      waitingRows: [...document.querySelectorAll('[data-testid="board-waiting"] li')].map(box),
      nameBreaksInsideWords,
    };
  });
}

function expectInside(inner: Box, outer: Box, what: string): void {
  expect(inner.top, what).toBeGreaterThanOrEqual(outer.top - 1);
  expect(inner.bottom, what).toBeLessThanOrEqual(outer.bottom + 1);
  expect(inner.left, what).toBeGreaterThanOrEqual(outer.left - 1);
  expect(inner.right, what).toBeLessThanOrEqual(outer.right + 1);
}

describe.runIf(browserSuitesRun)('hall board uses its glass', () => {
  let office: TestOffice;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let kiosk: Socket;
  const operators: Socket[] = [];

  beforeAll(async () => {
    office = await startTestOffice({
      config: demoConfig((config) => {
        config.services.find((s) => s.id === 'meters')!.name = LONG_NAME;
      }),
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: SIZES[0], locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] board: ${error.message}`));
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    for (const [login, deskId] of [
      ['ivanova', 'desk-1'],
      ['petrov', 'desk-2'],
      ['sidorova', 'desk-3'],
      ['kuznetsov', 'desk-4'],
    ] as const) {
      const socket = await office.connect('/operator', { session: await office.login(login) });
      expect(await command(socket, 'desk:open', { deskId })).toMatchObject({ ok: true });
      operators.push(socket);
    }
    for (const serviceId of ['payments', 'payments', 'contracts', 'business', 'meters', 'recalculation']) {
      expect(await command(kiosk, 'ticket:issue', { serviceId })).toMatchObject({ ok: true });
    }
    await page.goto(`${office.url}/board?token=${DEMO_TOKENS.board}`);
    await page.waitForSelector('[data-testid="board-waiting"] li');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  async function check(calls: number, name: string): Promise<BoardLayout[]> {
    await expect.poll(() => page.locator('[data-testid="board-call"]').count()).toBe(calls);
    const seen: BoardLayout[] = [];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // The list's fit runs on the resize observer's next frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const l = await layout(page);
      const label = `${name} ${size.width}x${size.height}`;
      expect(l.scrollWidth, label).toBeLessThanOrEqual(size.width);
      expect(l.scrollHeight, label).toBeLessThanOrEqual(size.height);
      expect(l.clipped, label).toEqual([]);
      expect(l.nameBreaksInsideWords, label).toEqual([]);
      l.numbers.forEach((n) => expectInside(n, l.panel, `${label} number`));
      l.waitingRows.forEach((row) => expectInside(row, l.waitingPanel, `${label} waiting row`));
      await saveScreenshot(page, `board-fit-${calls}-calls-${size.width}x${size.height}`);
      seen.push(l);
    }
    return seen;
  }

  it('one call fills the panel; four calls share it, smaller; service names wrap between words', async () => {
    expect(await command(operators[0]!, 'ticket:call-next')).toMatchObject({ ok: true });
    const one = await check(1, 'one call');
    for (const [index, l] of one.entries()) {
      // One number alone is as tall as a sixth of the screen and more: read from the back row.
      expect(l.numbers[0]!.height, `one call at ${SIZES[index]!.width}`).toBeGreaterThan(SIZES[index]!.height * 0.18);
    }

    for (const socket of operators.slice(1)) expect(await command(socket, 'ticket:call-next')).toMatchObject({ ok: true });
    const four = await check(4, 'four calls');
    for (const [index, l] of four.entries()) {
      const size = SIZES[index]!;
      const height = Math.min(...l.numbers.map((n) => n.height));
      // Smaller than the lone call, still large: each of four at least 8% of the screen.
      expect(height, `four calls at ${size.width}`).toBeLessThan(one[index]!.numbers[0]!.height);
      expect(height, `four calls at ${size.width}`).toBeGreaterThan(size.height * 0.08);
    }
    // The long name really wrapped (two lines or more) on the narrow panel rather than shrinking away.
    const nameHeight = (service: string) => page.locator(`[data-service="${service}"] .board__service`).evaluate((el) => el.getBoundingClientRect().height);
    expect(await nameHeight('meters')).toBeGreaterThan((await nameHeight('payments')) * 1.5);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
