import { instantOfLocal, planDay, planSampleDates, scheduledBreakAt, type DayPlan } from '../../packages/domain/src/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlanShare, formatTenths } from '../../apps/screens/src/dashboard/plan/plan-figures.js';
import { manualClock } from '../../apps/office-server/src/clock.js';
import { dayPlanRulesFromConfig, deskStaffOf } from '../../apps/office-server/src/staffing/plan-for-day.js';
import { planHistoryOf } from '../../apps/office-server/src/staffing/plan-history.js';
import { seedPlanHistory } from '../../apps/office-server/src/testing/plan-history-seed.js';
import { demoConfig, startTestOffice, type TestOffice } from '../../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from '../support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from '../support/browser.js';

const TODAY = '2026-11-30'; // a Monday
const TOMORROW = '2026-12-01';
const at = (date: string, time: string) => instantOfLocal('Europe/Moscow', date, time);

/**
 * «План на завтра» in Chromium: six past Tuesdays seeded into the office's database, the plan on
 * screen equal to the domain's plan from the same tickets, accepted with a confirmation, and
 * tomorrow's schedule and the audit trail changed on the server.
 */
describe.runIf(browserSuitesRun)('the plan for tomorrow on the office dashboard in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-e2e-plan-'));
  const config = demoConfig((c) => {
    c.office.alwaysOpen = false;
  });
  let office: TestOffice;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let expected: DayPlan;

  beforeAll(async () => {
    seedPlanHistory(join(dataDir, 'talon.db'), { date: TOMORROW, weeks: 6, seed: 5 });
    office = await startTestOffice({ dataDir, clock: manualClock(at(TODAY, '10:00')), config });
    const setup = office.app.context.queue.state.setup;
    const rules = dayPlanRulesFromConfig(config, TOMORROW);
    expected = planDay({ setup, date: TOMORROW, history: planHistoryOf(office.app.context.db, planSampleDates(setup, TOMORROW, rules).used), deskStaff: deskStaffOf(config), rules });
    browser = await launchChromium();
    ({ context, page } = await openScreen(browser, `${office.url}/dashboard`, { width: 1440, height: 900 }));
    await page.getByLabel('Логин').fill('head');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('[data-testid="served-count"]').waitFor();
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await office?.stop({ wipe: true });
  });

  it('shows tomorrow’s expected visitors, desks needed and planned, as the domain counts them', async () => {
    await page.getByRole('button', { name: 'План на завтра', exact: true }).click();
    const view = page.locator('[data-testid="plan-view"]');
    await view.waitFor({ timeout: 60_000 });
    expect(await view.getAttribute('data-date')).toBe(TOMORROW);
    expect(await page.getByRole('heading', { level: 2, name: 'План на вторник, 01.12.2026' }).count()).toBe(1);
    expect(Number(await page.locator('[data-testid="plan-expected-visitors"]').getAttribute('data-value'))).toBeCloseTo(expected.expectedVisitors, 9);
    const rows = page.locator('[data-testid="plan-hour"]');
    expect(await rows.count()).toBe(expected.byHour.length);
    for (const [i, hour] of expected.byHour.entries()) {
      const row = rows.nth(i);
      expect(Number(await row.getAttribute('data-hour'))).toBe(hour.hour);
      expect(Number(await row.locator('[data-testid="plan-arrivals"]').getAttribute('data-value'))).toBeCloseTo(hour.total, 9);
      expect(await row.locator('[data-testid="plan-arrivals"]').textContent()).toBe(formatTenths(hour.total, 'ru'));
      expect(Number(await row.locator('[data-testid="plan-needed"]').textContent())).toBe(hour.need.desks);
      expect(Number(await row.locator('[data-testid="plan-on-duty"]').getAttribute('data-value'))).toBeCloseTo(expected.options[0]!.desksOnDuty[i]!, 9);
    }
  });

  it('lists the lunch options, best first, each with its expected share within the standard', async () => {
    const options = page.locator('[data-testid="plan-option"]');
    expect(await options.count()).toBe(expected.options.length);
    for (const [i, option] of expected.options.entries()) {
      expect(Number(await options.nth(i).getAttribute('data-share'))).toBe(option.expectedShare);
      expect(await options.nth(i).getAttribute('data-current')).toBe(option.current ? 'yes' : 'no');
      expect(await options.nth(i).locator('[data-testid="plan-option-share"]').textContent()).toBe(`${formatPlanShare(option.expectedShare, 'ru')} в пределах норматива`);
    }
    expect(await options.first().getAttribute('data-selected')).toBe('yes');
  });

  it('fits a 1440x900 monitor', async () => {
    const layout = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
    console.log(`plan for tomorrow at 1440x900: ${layout.height} px tall`);
    expect(layout.width).toBeLessThanOrEqual(1440);
    expect(layout.height).toBeLessThanOrEqual(900);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'dashboard-plan');
  });

  it('accepts the chosen lunches after a confirmation: tomorrow’s schedule changes, an audit row is written', async () => {
    const index = expected.options.findIndex((o) => !o.current);
    expect(index).toBeGreaterThanOrEqual(0);
    const chosen = expected.options[index]!;
    await page.locator('[data-testid="plan-option"]').nth(index).locator('input[type="radio"]').check();
    await page.getByRole('button', { name: 'Принять план' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toBe(`Принять план на 01.12.2026?Обеды варианта ${index + 1} станут обедами этого дня. Остальные дни не меняются.ПринятьОтмена`);
    await saveScreenshot(page, 'dashboard-plan-confirm');
    // Still one screen with the confirmation open.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
    await dialog.getByRole('button', { name: 'Принять', exact: true }).click();
    await page.locator('[data-testid="plan-accepted"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="plan-accepted"]').textContent()).toBe('План на 01.12.2026 принят: Орлова Наталья (руководитель), 10:00.');

    const schedule = office.app.context.queue.state.setup.schedule;
    expect(schedule.dayLunches?.[TOMORROW]).toEqual(chosen.lunches);
    for (const lunch of chosen.lunches) {
      expect(scheduledBreakAt(schedule, lunch.operatorId, at(TOMORROW, lunch.from))).toMatchObject({ from: lunch.from, to: lunch.to, reason: 'lunch' });
    }
    const audit = office.app.context.db.prepare(`SELECT operator_id AS operatorId, authority, action, subject, body FROM audit_trail`).all() as { body: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operatorId: 'head', authority: 'head', action: 'plan.accepted', subject: TOMORROW });
    expect(JSON.parse(audit[0]!.body)).toMatchObject({ lunches: chosen.lunches, expectedShare: chosen.expectedShare });
    // The view now marks the accepted lunches as the date's current ones.
    await expect.poll(() => page.locator('[data-testid="plan-option"][data-current="yes"]').count()).toBe(1);
    await saveScreenshot(page, 'dashboard-plan-accepted');
  });

  it('speaks English on an English dashboard', async () => {
    await page.goto(`${office.url}/dashboard?lang=en`);
    // The session the page kept expires by the office's clock, set days back: log in again.
    await page.getByLabel('Login').fill('head');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('[data-testid="served-count"]').waitFor();
    await page.getByRole('button', { name: 'Plan for tomorrow', exact: true }).click();
    await page.locator('[data-testid="plan-view"]').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 2, name: 'Plan for Tuesday, 01.12.2026' }).count()).toBe(1);
    const best = expected.options[0]!;
    expect(await page.locator('[data-testid="plan-option-share"]').first().textContent()).toBe(`${formatPlanShare(best.expectedShare, 'en')} within the standard`);
    expect(await page.locator('[data-testid="plan-accepted"]').textContent()).toBe('Plan for 01.12.2026 accepted: Орлова Наталья (руководитель), 10:00.');
    expect(await page.getByRole('button', { name: 'Accept the plan' }).count()).toBe(1);
  });
});
