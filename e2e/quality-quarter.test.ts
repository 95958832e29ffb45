import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp, QualityReport } from '../packages/domain/src/index.js';
import type { CentralQualityView } from '../packages/protocol/src/index.js';
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
/** A Friday in August the offices are closed: no visits, and the trends mark it closed. */
const HOLIDAY = '2026-08-14';
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
    repeats: {
      withAccount: t.withAccount,
      repeats: t.repeats,
      firstVisitResolution: 1 - t.repeats / t.withAccount,
      contactsPerQuestion: t.contacts / (t.withAccount - t.repeats),
    },
    effort: { served: t.served, effortless: t.effortless, effortlessShare: t.effortless / t.served },
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
    generated = generateQualityQuarter({ seed: 2026, officeIds: OFFICES, from: '2026-07-01', days: 92, visitsPerDay: 6, repeatWindowDays: 30, holidays: [HOLIDAY] });
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
            c.holidays = [...c.holidays, HOLIDAY].sort();
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
  /** The company's served, rated and satisfied share per finishing service, over every office. */
  const serviceTruth = (period = AUGUST) => {
    const all: Record<string, { served: number; rated: number; satisfiedShare: number }> = {};
    const sums = new Map<string, { served: number; rated: number; satisfied: number }>();
    for (const id of OFFICES)
      for (const [service, s] of Object.entries(truth(id, period).byService)) {
        const into = sums.get(service) ?? { served: 0, rated: 0, satisfied: 0 };
        sums.set(service, { served: into.served + s.served, rated: into.rated + s.rated, satisfied: into.satisfied + s.satisfied });
      }
    for (const [service, s] of sums) all[service] = { served: s.served, rated: s.rated, satisfiedShare: s.satisfied / s.rated };
    return all;
  };

  it('has a truth worth checking: repeats, complaints, low ratings, transfers and effortless visits in every office, and a holiday', () => {
    for (const id of OFFICES) {
      const t = truth(id);
      expect(t.repeats).toBeGreaterThan(3);
      expect(t.complaints).toBeGreaterThan(3);
      expect(t.low).toBeGreaterThan(3);
      expect(t.transferred).toBeGreaterThan(3);
      expect(t.effortless).toBeGreaterThan(3);
      expect(t.effortless).toBeLessThan(t.served);
      // A transfer of a visit with an account is a second contact for its question.
      expect(t.contacts).toBeGreaterThan(t.withAccount);
      expect(generated.find((g) => g.officeId === id)!.visits.filter((v) => v.officeDay === HOLIDAY)).toEqual([]);
    }
  });

  it('the office\'s own view shows it, with the previous month beside it', async () => {
    for (const [index, id] of OFFICES.entries()) {
      const head = await offices[index]!.connect('/dashboard', { session: await offices[index]!.login('head') });
      const view = await command<{ ok: true; report: QualityReport; followUps: FollowUp[] }>(head, 'dashboard:quality', AUGUST);
      expect(view.report.current).toMatchObject(expected(truth(id)));
      expect(view.report.previous).toMatchObject(expected(truth(id, JULY)));
      expect(view.followUps).toHaveLength(truth(id).low);
      expect(view.report.byDay.find((d) => d.key === HOLIDAY)).toMatchObject({ closed: true, served: 0 });
      for (const [service, s] of Object.entries(truth(id).byService))
        expect(view.report.splits.service.find((x) => x.key === service)?.satisfaction, service).toMatchObject({ served: s.served, rated: s.rated, satisfiedShare: s.satisfied / s.rated });
    }
  });

  it('central shows every office and the company; a regional user sees only the region', async () => {
    const answer = await fetch(`${central.url}/api/quality?from=${AUGUST.from}&to=${AUGUST.to}`, { headers: { authorization: `Bearer ${token}` } });
    const view = (await answer.json()) as CentralQualityView;
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
    expect(view.company.current.repeats).toMatchObject({ withAccount: sum('withAccount'), repeats: sum('repeats'), contactsPerQuestion: sum('contacts') / (sum('withAccount') - sum('repeats')) });
    expect(view.company.current.effort).toMatchObject({ effortless: sum('effortless') });
    expect(view.company.byDay.find((d) => d.key === HOLIDAY)).toMatchObject({ closed: true, served: 0 });
    for (const [service, s] of Object.entries(serviceTruth())) expect(view.company.splits.service.find((x) => x.key === service)?.satisfaction, service).toMatchObject(s);
    // The low ratings travel with the view, every office's, newest first.
    expect(view.followUpsMore).toBe(false);
    expect(view.followUps).toHaveLength(sum('low'));
    expect(view.followUps.every((f) => f.rating <= 2)).toBe(true);

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
    expect(book.worksheets.map((w) => w.name)).toEqual(['Офисы', 'Компания', 'По дням', 'Ожидание и оценки', 'Жалобы', 'По услугам', 'По операторам', 'По окнам', 'По часам', 'Низкие оценки']);
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
      expect(row.getCell(column('Визиты без усилий (по очереди)')).value).toBeCloseTo(t.effortless / t.served, 3);
    }
    const rowsOf = (name: string) => {
      const ws = book.getWorksheet(name)!;
      const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      ws.eachRow((row, n) => n > 1 && rows.push(Object.fromEntries(head.map((h, i) => [h, row.getCell(i + 1).value]))));
      return rows;
    };
    const services = rowsOf('По услугам');
    expect(services.map((r) => r['Код услуги']).sort()).toEqual(Object.keys(serviceTruth()).sort());
    for (const [service, s] of Object.entries(serviceTruth())) {
      const row = services.find((r) => r['Код услуги'] === service)!;
      expect([row['Обслужено визитов'], row['Оценок']]).toEqual([s.served, s.rated]);
      expect(row['Довольны (оценки 4–5)']).toBeCloseTo(s.satisfiedShare, 3);
    }
    const all = OFFICES.map((id) => truth(id));
    const total = (rows: Record<string, unknown>[]) => rows.reduce((n, r) => n + Number(r['Обслужено визитов']), 0);
    const served = all.reduce((n, t) => n + t.served, 0);
    // Operators and desks are each office's own: every office's rows sum to its visits.
    for (const sheet of ['По операторам', 'По окнам', 'По часам']) expect(total(rowsOf(sheet)), sheet).toBe(served);
    for (const id of OFFICES) expect(total(rowsOf('По операторам').filter((r) => r['Код офиса'] === id))).toBe(truth(id).served);
    const low = rowsOf('Низкие оценки');
    expect(low).toHaveLength(all.reduce((n, t) => n + t.low, 0));
    expect(low.every((r) => Number(r['Оценка']) <= 2)).toBe(true);

    const csv = await (await fetch(`${central.url}/api/quality/monthly?month=2026-08&format=csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    const [head, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const t = truth(line[head!.indexOf('Код офиса')]!);
      expect(Number(line[head!.indexOf('Обслужено визитов')])).toBe(t.served);
      expect(Number(line[head!.indexOf('Повторные визиты')])).toBe(t.repeats);
      expect(Number(line[head!.indexOf('Жалобы')])).toBe(t.complaints);
    }
    const servicesCsv = await (await fetch(`${central.url}/api/quality/monthly?month=2026-08&format=csv&sheet=services`, { headers: { authorization: `Bearer ${token}` } })).text();
    const [serviceHead, ...serviceLines] = servicesCsv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    for (const [service, s] of Object.entries(serviceTruth())) {
      const line = serviceLines.find((l) => l[serviceHead!.indexOf('Код услуги')] === service)!;
      expect([Number(line[serviceHead!.indexOf('Обслужено визитов')]), Number(line[serviceHead!.indexOf('Оценок')])]).toEqual([s.served, s.rated]);
    }
    // Any period the page shows, not only a month: July and August together.
    const twoMonths = await (await fetch(`${central.url}/api/quality/monthly?from=${JULY.from}&to=${AUGUST.to}&format=csv&sheet=company`, { headers: { authorization: `Bearer ${token}` } })).text();
    const servedRow = twoMonths.split('\r\n').find((l) => l.startsWith('Обслужено визитов;'))!;
    expect(Number(servedRow.split(';')[1])).toBe(OFFICES.reduce((n, id) => n + truthOf(generated.find((g) => g.officeId === id)!.visits, JULY.from, AUGUST.to).served, 0));
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
      expect(Number(await value('effortless'))).toBeCloseTo(t.effortless / t.served, 10);
      expect(Number(await value('contacts-per-question'))).toBeCloseTo(t.contacts / (t.withAccount - t.repeats), 10);
      expect(await page.locator('[data-testid="quality-follow-up"]').count()).toBe(t.low);
      // The holiday reads as closed in the trend's table, not as a day nobody came.
      const trend = page.locator('[data-testid="quality-chart-trend-visits"]');
      await trend.getByRole('button', { name: 'Таблица' }).click();
      const holiday = trend.locator('tbody tr').filter({ has: page.locator('th', { hasText: '14.08 (выходной)' }) });
      expect(await holiday.locator('td').first().textContent()).toBe('0');
      // The splits by service, as the generator made them.
      const splits = page.locator('[data-testid="quality-splits"]');
      for (const [service, s] of Object.entries(t.byService)) expect(await splits.locator(`tr[data-key="${service}"] td`).first().textContent(), service).toBe(String(s.served));
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
      expect(Number(await page.locator('[data-testid="company-effortless"]').getAttribute('data-value'))).toBeCloseTo(all.reduce((a, t) => a + t.effortless, 0) / all.reduce((a, t) => a + t.served, 0), 10);
      // The holiday is closed at every office: the company's trend marks it so.
      await page.locator('[data-testid="central-chart-trend-visits-switch"]').click();
      const holiday = page.locator('[data-testid="company-trend"] tbody tr').filter({ has: page.locator('th', { hasText: '14.08 (выходной)' }) });
      expect(await holiday.locator('td').first().textContent()).toBe('0');
      // The splits, as the office head's view has them: by service, then operators of every office.
      const splits = page.locator('[data-testid="central-quality-splits"]');
      for (const [service, s] of Object.entries(serviceTruth())) {
        const row = splits.locator(`tr[data-key="${service}"]`);
        expect([await row.getAttribute('data-served'), await row.getAttribute('data-rated')], service).toEqual([String(s.served), String(s.rated)]);
        expect(Number(await row.getAttribute('data-satisfied-share'))).toBeCloseTo(s.satisfiedShare, 10);
      }
      await page.getByRole('button', { name: 'по операторам' }).click();
      await expect.poll(() => splits.getAttribute('data-split')).toBe('operator');
      const servedBy = async () => (await splits.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-served'))))).reduce((a, b) => a + b, 0);
      expect(await servedBy()).toBe(all.reduce((a, t) => a + t.served, 0));
      // The low ratings to follow up, every office's.
      expect(await page.locator('[data-testid="central-follow-ups-shown"]').getAttribute('data-value')).toBe(String(all.reduce((a, t) => a + t.low, 0)));
      expect(await page.locator('[data-testid="central-follow-up"]').count()).toBe(all.reduce((a, t) => a + t.low, 0));
      await saveScreenshot(page, 'central-quality');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Any period: the quarter, by the custom picker, with the quarter before it beside it.
      await page.getByRole('button', { name: 'Свой период' }).click();
      await page.getByLabel('с', { exact: true }).fill('2026-07-01');
      await page.getByLabel('по', { exact: true }).fill('2026-09-30');
      await page.getByRole('button', { name: 'Показать' }).click();
      const period = page.locator('[data-testid="central-quality-month"]');
      await expect.poll(() => period.getAttribute('data-to')).toBe('2026-09-30');
      expect(await period.getAttribute('data-from')).toBe('2026-07-01');
      const quarter = { from: '2026-07-01', to: '2026-09-30' };
      await expect.poll(() => page.locator('[data-testid="company-served"]').getAttribute('data-value')).toBe(String(OFFICES.reduce((a, id) => a + truth(id, quarter).served, 0)));
      expect(await page.locator('[data-testid="company-served-previous"]').getAttribute('data-value')).toBe('0');
      expect(await page.locator('[data-testid="company-repeats"]').getAttribute('data-value')).toBe(String(OFFICES.reduce((a, id) => a + truth(id, quarter).repeats, 0)));
    });
  });
});
