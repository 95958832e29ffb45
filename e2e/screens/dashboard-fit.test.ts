import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';

/** A page this much taller than the window is a rounding, not a scroll. */
const TOLERANCE_PX = 8;

/**
 * The head's live view on a 1440x900 monitor in a busy hour (issue 15): four desks at work, a
 * queue in every service, visitors served, rated and not come, a printer, two rating buttons (one
 * silent), a service nobody takes and the alarms that go with them. All of it on one screen:
 * the page itself does not scroll; a long list scrolls inside its own panel.
 */
describe.runIf(browserSuitesRun)('dashboard in a busy hour fits 1440x900', () => {
  let office: TestOffice;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let kiosk: Socket;
  let agent: Socket;

  const config = demoConfig((config) => {
    config.ratingButtons.push(
      { deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/test-button-1', deviceId: 1 },
      { deskId: 'desk-2', agentId: 'agent-1', path: '/dev/serial/by-id/test-button-2', deviceId: 2 },
    );
    config.printers = [{ id: 'printer-kiosk-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: 'file:///dev/null', profile: 'generic-80mm' }];
  });

  beforeAll(async () => {
    office = await startTestOffice({ config });
    browser = await launchChromium();
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
    expect(
      await command(agent, 'device:hello', {
        agentVersion: 'test',
        printers: [{ printerId: 'printer-kiosk-1', status: 'paper-near-end' }],
        buttons: [{ deskId: 'desk-1', online: true }, { deskId: 'desk-2', online: false }],
      }),
    ).toMatchObject({ ok: true });
    const issue = async (serviceId: string) => expect(await command(kiosk, 'ticket:issue', { serviceId })).toMatchObject({ ok: true });
    for (let i = 0; i < 12; i += 1) await issue('payments');
    for (let i = 0; i < 6; i += 1) await issue('meters');
    for (let i = 0; i < 5; i += 1) await issue('contracts');
    for (let i = 0; i < 3; i += 1) await issue('recalculation');
    // Legal entities wait with no desk open for them: the unserved alarm is up.
    for (let i = 0; i < 2; i += 1) await issue('business');
    const desks: [string, string][] = [['ivanova', 'desk-1'], ['petrov', 'desk-2'], ['sidorova', 'desk-3']];
    let seq = 0;
    for (const [login, deskId] of desks) {
      const operator = await office.connect('/operator', { session: await office.login(login) });
      expect(await command(operator, 'desk:open', { deskId })).toMatchObject({ ok: true });
      for (let visit = 0; visit < 2; visit += 1) {
        expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true });
        expect(await command(operator, 'ticket:start')).toMatchObject({ ok: true });
        expect(await command(operator, 'ticket:finish', { outcomeId: deskId === 'desk-3' ? 'signed' : 'advised' })).toMatchObject({ ok: true });
        if (deskId === 'desk-1') {
          seq += 1;
          expect(await command(agent, 'rating:submit', { deskId, value: visit === 0 ? 5 : 2, seq, buttonDeviceId: 1 })).toMatchObject({ ok: true });
        }
      }
      expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true });
      if (deskId === 'desk-2') expect(await command(operator, 'ticket:no-show')).toMatchObject({ ok: true });
    }
    ({ context, page } = await openScreen(browser, `${office.url}/dashboard`, { width: 1440, height: 900 }));
    page.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  it('shows the whole live view without the page scrolling, in Russian and in English', async () => {
    await page.getByLabel('Логин').fill('head');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('served-count').waitFor();
    await expect.poll(() => page.getByTestId('served-count').textContent()).toBe('6');
    await page.locator('[data-testid="unserved-alarm"][data-service="business"]').waitFor();
    await page.getByTestId('device-alarm').first().waitFor();
    // Ratings counted in words that agree with the number (issue 15: not «(1 ratings)»): two presses at desk 1.
    await expect
      .poll(() => page.locator('[data-testid="operator-row"][data-operator="op-ivanova"] td').nth(3).textContent())
      .toBe('3,5 (оценок: 2)');
    for (const language of ['ru', 'en'] as const) {
      if (language === 'en') {
        await page.goto(`${office.url}/dashboard?lang=en`);
        await page.getByTestId('served-count').waitFor();
        await page.locator('[data-testid="unserved-alarm"][data-service="business"]').waitFor();
        expect(await page.locator('[data-testid="operator-row"][data-operator="op-ivanova"] td').nth(3).textContent()).toBe('3.5 (ratings: 2)');
      }
      const layout = await page.evaluate(() => ({
        scrollHeight: document.scrollingElement!.scrollHeight,
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerHeight: window.innerHeight,
        innerWidth: window.innerWidth,
        sections: [...document.querySelectorAll('main section[aria-labelledby]')].map((s) => ({
          id: s.getAttribute('aria-labelledby'),
          top: Math.round(s.getBoundingClientRect().top),
          bottom: Math.round(s.getBoundingClientRect().bottom),
        })),
      }));
      console.log(`dashboard (${language}) at 1440x900, busy: page ${layout.scrollHeight} px tall for a ${layout.innerHeight} px window`);
      await saveScreenshot(page, `dashboard-busy-1440x900-${language}`);
      expect(layout.scrollHeight, language).toBeLessThanOrEqual(layout.innerHeight + TOLERANCE_PX);
      expect(layout.scrollWidth, language).toBeLessThanOrEqual(layout.innerWidth);
      // Every panel of the live view starts and ends on the screen.
      expect(layout.sections.length).toBeGreaterThanOrEqual(8);
      for (const section of layout.sections) {
        expect(section.top, section.id!).toBeGreaterThanOrEqual(0);
        expect(section.bottom, section.id!).toBeLessThanOrEqual(layout.innerHeight);
      }
      // Nothing the head needs is cut off unseen: a panel whose list is longer than its box scrolls, and says so to the keyboard.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main section[aria-labelledby]')]
          .filter((s) => s.scrollHeight > s.clientHeight + 1)
          .map((s) => ({ id: s.getAttribute('aria-labelledby'), overflow: getComputedStyle(s).overflowY, tabIndex: s.tabIndex })),
      );
      for (const panel of clipped) {
        expect(panel.overflow, panel.id!).toBe('auto');
        expect(panel.tabIndex, panel.id!).toBe(0);
      }
      expect(await seriousAccessibilityViolations(page), language).toEqual([]);
    }
  });

  it('keeps every KPI value on one line (issue 17: «6,4 мин» never wraps)', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      // Each value as it reads now, then as the longest a tile may have to show (a long afternoon's
      // «188,5 мин»), in a copy set beside it in the same tile for the measure, then taken away.
      const values = await page.evaluate(() => {
        const measure = (shown: HTMLElement, longest?: string) => {
          const value = longest === undefined ? shown : (shown.cloneNode() as HTMLElement);
          if (longest !== undefined) {
            value.textContent = longest;
            shown.after(value);
          }
          const style = getComputedStyle(value);
          // `normal` line height is about 1.2 of the font size; one line is under 1.5 of it either way.
          const lineHeight = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.2 : parseFloat(style.lineHeight);
          const range = document.createRange();
          range.selectNodeContents(value);
          const lineTops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          const result = { text: value.textContent, height: value.getBoundingClientRect().height, lineHeight, lines: lineTops.size };
          if (longest !== undefined) value.remove();
          return result;
        };
        return [...document.querySelectorAll<HTMLElement>('.dash-tile__value')].flatMap((value) => [measure(value), measure(value, '188,5 мин')]);
      });
      expect(values.length, 'tiles').toBeGreaterThanOrEqual(18);
      for (const value of values) {
        const name = `${value.text} at ${viewport.width}x${viewport.height}`;
        expect(value.lines, name).toBe(1);
        expect(value.height, name).toBeLessThan(value.lineHeight * 1.5);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("never lets a chart's heading run into its «Таблица» switch, as chart or as table, in both languages and at every monitor width", async () => {
    /** The drawn text of each chart's headings (the panel's and the caption's own, when shown) against its switch's box. */
    const overlaps = () =>
      page.evaluate(() => {
        const found: string[] = [];
        const textRects = (element: Element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          return [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
        };
        const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        const figures = [...document.querySelectorAll<HTMLElement>('figure[data-testid^="chart-"]')];
        for (const figure of figures) {
          const toggle = figure.querySelector('figcaption button');
          if (!toggle) continue;
          const box = toggle.getBoundingClientRect();
          const heading = figure.closest('section')?.querySelector(':scope > h2, :scope > h3');
          const title = figure.querySelector('.chart-figure__title');
          for (const element of [heading, title]) {
            // A caption title kept for screen readers only (a 1 px clipped box) is not drawn.
            if (!element || element.getBoundingClientRect().width <= 1) continue;
            for (const rect of textRects(element)) {
              if (meet(rect, box)) found.push(`${figure.dataset.testid}: «${element.textContent}» meets «${toggle.textContent}»`);
            }
          }
        }
        return { found, checked: figures.filter((f) => f.querySelector('figcaption button')).length };
      });
    for (const language of ['ru', 'en'] as const) {
      await page.goto(`${office.url}/dashboard${language === 'en' ? '?lang=en' : ''}`);
      await page.getByTestId('served-count').waitFor();
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 1440, height: 900 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(viewport);
        const name = `${language} ${viewport.width}x${viewport.height}`;
        const asCharts = await overlaps();
        expect(asCharts.checked, name).toBeGreaterThanOrEqual(2);
        expect(asCharts.found, name).toEqual([]);
        // The switch reads «График» once pressed: the table's heading is checked too.
        const switches = page.locator('figure[data-testid^="chart-"] figcaption button');
        for (const toggle of await switches.all()) await toggle.click();
        expect((await overlaps()).found, `${name} as tables`).toEqual([]);
        if (viewport.width === 1440) await saveScreenshot(page, `dashboard-chart-headings-${language}-tables`);
        for (const toggle of await switches.all()) await toggle.click();
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${office.url}/dashboard`);
    await page.getByTestId('served-count').waitFor();
    await saveScreenshot(page, 'dashboard-chart-headings-ru');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
