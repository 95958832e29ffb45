import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp, QualityReport } from '../packages/domain/src/index.js';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { hashPassword } from '../packages/server-edge/src/index.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { accountKeyer } from '../apps/office-server/src/quality/account-key.js';
import { createEventStore } from '../apps/office-server/src/storage/event-store.js';
import { openDatabase } from '../apps/office-server/src/storage/open-database.js';
import { command, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { seriousAccessibilityViolations } from './support/axe.js';
import { browserSuitesRun, launchChromium, openScreen, saveScreenshot } from './support/browser.js';
import { generateQualityQuarter, truthOf, type GeneratedOffice, type QualityTruth } from './support/quality-quarter.js';

/** The quarter is July–September 2026; the offices and central run on 5 October, every day closed. */
const NOW = Date.UTC(2026, 9, 5, 7, 0);
const AUGUST = { from: '2026-08-01', to: '2026-08-31' };
const JULY = { from: '2026-07-01', to: '2026-07-31' };
const OFFICES = ['demo-office', 'north', 'south'];
const SECRET = 'quality-quarter-test-secret';
const WEB_ROOT = fileURLToPath(new URL('../apps/booking-service/dist/web', import.meta.url));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The period's indicators as the generator's truth says they must read. */
function expected(t: QualityTruth) {
  return {
    satisfaction: { served: t.served, rated: t.rated, satisfiedShare: t.satisfied / t.rated },
    complaints: { complaints: t.complaints, per1000: (t.complaints * 1000) / t.served },
    repeats: { withAccount: t.withAccount, repeats: t.repeats, firstVisitResolution: 1 - t.repeats / t.withAccount },
  };
}

/**
 * A generated quarter of three offices, loaded into real office servers' stores and carried to a
 * real central by the real sync: the office's Quality view (over Socket.IO and in Chromium),
 * central's view, its XLSX and its CSV all show the generator's truth.
 */
describe('a generated quarter of three offices through the real sync', () => {
  let central: TestCentral;
  let offices: TestOffice[] = [];
  let generated: GeneratedOffice[];
  let token: string;

  beforeAll(async () => {
    generated = generateQualityQuarter({ seed: 2026, officeIds: OFFICES, from: '2026-07-01', days: 92, visitsPerDay: 6, repeatWindowDays: 30 });
    const config = testCentralConfig((c) => {
      c.offices = c.offices.map((o) => ({ ...o, region: o.id === 'south' ? 'Юг' : 'Центр' }));
    });
    config.qualityUsers = [
      { login: 'kachestvo', name: 'Отдел качества', passwordHash: await hashPassword('пароль-качества') },
      { login: 'yug', name: 'Качество, Юг', passwordHash: await hashPassword('пароль-юга'), regions: ['Юг'] },
    ];
    central = await startTestCentral({ config, now: () => NOW, webRoot: WEB_ROOT });
    for (const office of generated) {
      // The quarter goes into the office's own store, as its queue would have written it: events,
      // read tables, the keyed hashes of account numbers and the outbox.
      const dataDir = mkdtempSync(join(tmpdir(), 'talon-quality-quarter-'));
      const db = openDatabase(join(dataDir, 'talon.db'));
      const store = createEventStore(db, office.officeId, accountKeyer(SECRET));
      for (let i = 0; i < office.events.length; i += 500) store.commit(office.events.slice(i, i + 500), undefined);
      db.close();
      offices.push(
        await startTestOffice({
          dataDir,
          clock: manualClock(NOW),
          config: demoConfig((c) => {
            c.office.id = office.officeId;
            c.office.name = `ЦОК «${office.officeId}»`;
            c.quality.accountKeySecret = SECRET;
          }),
          central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS[office.officeId]!, retryMs: 200, batchSize: 500 },
        }),
      );
    }
    for (const office of offices) await waitFor('the quarter synced', () => office.app.sync!.status().connected && office.app.sync!.status().unsent === 0);
    const login = await fetch(`${central.url}/api/quality/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'kachestvo', password: 'пароль-качества' }) });
    token = ((await login.json()) as { token: string }).token;
  }, 120_000);
  afterAll(async () => {
    for (const office of offices) await office.stop({ wipe: true });
    await central?.stop();
  });

  const truth = (officeId: string, period = AUGUST) => truthOf(generated.find((g) => g.officeId === officeId)!.visits, period.from, period.to);

  it('has a truth worth checking: repeats, complaints and low ratings in every office', () => {
    for (const id of OFFICES) {
      const t = truth(id);
      expect(t.repeats).toBeGreaterThan(3);
      expect(t.complaints).toBeGreaterThan(3);
      expect(t.low).toBeGreaterThan(3);
    }
  });

  it('the office\'s own view shows it, with the previous month beside it', async () => {
    for (const [index, id] of OFFICES.entries()) {
      const head = await offices[index]!.connect('/dashboard', { session: await offices[index]!.login('head') });
      const view = await command<{ ok: true; report: QualityReport; followUps: FollowUp[] }>(head, 'dashboard:quality', AUGUST);
      expect(view.report.current).toMatchObject(expected(truth(id)));
      expect(view.report.previous).toMatchObject(expected(truth(id, JULY)));
      expect(view.followUps).toHaveLength(truth(id).low);
    }
  });

  it('central shows every office and the company; a regional user sees only the region', async () => {
    const answer = await fetch(`${central.url}/api/quality?from=${AUGUST.from}&to=${AUGUST.to}`, { headers: { authorization: `Bearer ${token}` } });
    const view = (await answer.json()) as { ok: true; offices: { officeId: string; rank: number; current: unknown; previous: unknown }[]; company: QualityReport };
    expect(view.offices.map((o) => o.officeId).sort()).toEqual([...OFFICES].sort());
    expect(view.offices.map((o) => o.rank)).toEqual([1, 2, 3]);
    for (const id of OFFICES) {
      const office = view.offices.find((o) => o.officeId === id)!;
      expect(office.current).toMatchObject(expected(truth(id)));
      expect(office.previous).toMatchObject(expected(truth(id, JULY)));
    }
    const all = OFFICES.map((id) => truth(id));
    const sum = (k: keyof QualityTruth) => all.reduce((a, t) => a + t[k], 0);
    expect(view.company.current.satisfaction).toMatchObject({ served: sum('served'), rated: sum('rated') });
    expect(view.company.current.complaints.complaints).toBe(sum('complaints'));
    expect(view.company.current.repeats).toMatchObject({ withAccount: sum('withAccount'), repeats: sum('repeats') });

    const yug = await fetch(`${central.url}/api/quality/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'yug', password: 'пароль-юга' }) });
    const regional = await fetch(`${central.url}/api/quality?from=${AUGUST.from}&to=${AUGUST.to}`, { headers: { authorization: `Bearer ${((await yug.json()) as { token: string }).token}` } });
    expect(((await regional.json()) as { offices: { officeId: string }[] }).offices.map((o) => o.officeId)).toEqual(['south']);
    expect((await fetch(`${central.url}/api/quality?from=${AUGUST.from}&to=${AUGUST.to}`)).status).toBe(401);
  });

  it('the monthly XLSX and CSV carry the same numbers under Russian headers', async () => {
    const xlsx = await fetch(`${central.url}/api/quality/monthly?month=2026-08`, { headers: { authorization: `Bearer ${token}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Офисы', 'Компания', 'По дням', 'Ожидание и оценки', 'Жалобы']);
    const sheet = book.getWorksheet('Офисы')!;
    const titles = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (title: string) => titles.indexOf(title) + 1;
    for (let r = 2; r <= 4; r++) {
      const row = sheet.getRow(r);
      const t = truth(String(row.getCell(column('Код офиса')).value));
      expect(row.getCell(column('Обслужено визитов')).value).toBe(t.served);
      expect(row.getCell(column('Жалобы')).value).toBe(t.complaints);
      expect(row.getCell(column('Повторные визиты')).value).toBe(t.repeats);
      expect(row.getCell(column('Довольны (оценки 4–5)')).value).toBeCloseTo(t.satisfied / t.rated, 3);
      expect(row.getCell(column('Жалобы (пред. период)')).value).toBe(truth(String(row.getCell(column('Код офиса')).value), JULY).complaints);
    }

    const csv = await (await fetch(`${central.url}/api/quality/monthly?month=2026-08&format=csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const t = truth(line[head!.indexOf('Код офиса')]!);
      expect(Number(line[head!.indexOf('Обслужено визитов')])).toBe(t.served);
      expect(Number(line[head!.indexOf('Повторные визиты')])).toBe(t.repeats);
      expect(Number(line[head!.indexOf('Жалобы')])).toBe(t.complaints);
    }
  });

  describe.runIf(browserSuitesRun)('in Chromium', () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    afterAll(async () => {
      await context?.close();
      await browser?.close();
    });

    it('the head\'s «Качество» tab shows August as the generator made it', async () => {
      browser = await launchChromium();
      ({ context, page } = await openScreen(browser, `${offices[1]!.url}/dashboard`, { width: 1440, height: 900 }));
      await page.getByLabel('Логин').fill('head');
      await page.getByLabel('Пароль').fill('demo');
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.getByRole('button', { name: 'Качество', exact: true }).click();
      // Today is 5 October: the month shown is October; two steps back is August.
      await page.getByRole('button', { name: '◀ Раньше' }).click();
      await page.getByRole('button', { name: '◀ Раньше' }).click();
      await expect.poll(() => page.locator('[data-testid="quality-period"]').getAttribute('data-from')).toBe(AUGUST.from);
      const t = truth('north');
      const value = (key: string) => page.locator(`[data-testid="quality-${key}"]`).getAttribute('data-value');
      await expect.poll(() => value('served')).toBe(String(t.served));
      expect(await value('complaints')).toBe(String(t.complaints));
      expect(await value('repeats')).toBe(String(t.repeats));
      expect(await value('with-account')).toBe(String(t.withAccount));
      expect(Number(await value('satisfied-share'))).toBeCloseTo(t.satisfied / t.rated, 10);
      expect(await value('served-previous')).toBe(String(truth('north', JULY).served));
      expect(await page.locator('[data-testid="quality-follow-up"]').count()).toBe(t.low);
      await saveScreenshot(page, 'quality-quarter');
    });

    it('central\'s page for the quality department shows every office ranked and the company, as generated', async () => {
      // The page's month follows the browser's clock; the generated quarter is long past by it,
      // so the test walks back to August 2026 from wherever today is.
      await page.goto(`${central.url}/quality`);
      await page.getByLabel('Логин').fill('kachestvo');
      await page.getByLabel('Пароль').fill('пароль-качества');
      await page.getByRole('button', { name: 'Войти' }).click();
      const month = page.locator('[data-testid="central-quality-month"]');
      await month.waitFor();
      while ((await month.getAttribute('data-month'))! > '2026-08') await page.getByRole('button', { name: '◀ Раньше' }).click();
      expect(await month.getAttribute('data-month')).toBe('2026-08');
      const rows = page.locator('[data-testid="central-quality-office"]');
      await expect.poll(() => rows.count()).toBe(3);
      for (const id of OFFICES) {
        const row = page.locator(`[data-testid="central-quality-office"][data-office="${id}"]`);
        const cell = (key: string) => row.locator(`td[data-key="${key}"]`).getAttribute('data-value');
        expect(await cell('served')).toBe(String(truth(id).served));
        expect(await cell('complaints')).toBe(String(truth(id).complaints));
        expect(await cell('repeats')).toBe(String(truth(id).repeats));
        expect(Number(await cell('satisfied-share'))).toBeCloseTo(truth(id).satisfied / truth(id).rated, 10);
        expect(await row.locator('td[data-key="served"] [data-previous]').getAttribute('data-previous')).toBe(String(truth(id, JULY).served));
      }
      const all = OFFICES.map((id) => truth(id));
      expect(await page.locator('[data-testid="company-served"]').getAttribute('data-value')).toBe(String(all.reduce((a, t) => a + t.served, 0)));
      expect(await page.locator('[data-testid="company-repeats"]').getAttribute('data-value')).toBe(String(all.reduce((a, t) => a + t.repeats, 0)));
      // Complaints by outcome is a chart now; its numbers are one click away as a table.
      await page.locator('[data-testid="central-chart-complaints-switch"]').click();
      const complaints = page.locator('[data-testid="company-complaints"] tbody tr');
      const counts = await complaints.locator('td:nth-of-type(1)').allTextContents();
      expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(all.reduce((a, t) => a + t.complaints, 0));
      expect((await page.locator('[data-testid="company-complaints"] tbody th').allTextContents()).sort()).toEqual(['Жалоба на начисление', 'Заявление принято']);
      await saveScreenshot(page, 'central-quality');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  });
});
