import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qualityReport, reportNeedsFrom, type QualityRules } from '@talon/domain';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/open-database.js';
import { createQualityStore } from './quality-store.js';
import { countClosedDays, qualityView } from './quality-view.js';

const DAY = 86_400_000;
const MIN = 60_000;
const rules: QualityRules = {
  complaintOutcomeIds: new Set(['bill-complaint']),
  repeatWindowDays: 30,
  holidays: new Set(),
  waitingStandardMinutes: 15,
  bookingStandardMinutes: 5,
  hourOf: (at) => new Date(at + 3 * 3_600_000).getUTCHours(),
};

function officeWithVisits() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'talon-quality-view-')), 'talon.db'));
  const insert = db.prepare(`INSERT INTO tickets (id, number, service_id, first_service_id, office_day, kind, issued_at, queued_at,
      status, first_called_at, desk_id, operator_id, ended_at, outcome_id, transfers, rating, rated_at, account_key)
    VALUES (?, ?, ?, ?, ?, 'walk-in', ?, ?, 'done', ?, 'desk-1', 'op-1', ?, ?, ?, ?, ?, ?)`);
  const t0 = Date.UTC(2026, 9, 1, 7);
  // 100 days of six visits: a returning account every day, a complaint, a low rating, a long wait.
  for (let d = 0; d < 100; d++) {
    const day = new Date(t0 + d * DAY).toISOString().slice(0, 10);
    for (let i = 0; i < 6; i++) {
      const issued = t0 + d * DAY + i * 20 * MIN;
      const called = issued + (i === 5 ? 40 : i * 3) * MIN;
      insert.run(`t${d}-${i}`, `A${i}`, 'meters', 'meters', day, issued, issued, called, called + 10 * MIN,
        i === 1 ? 'bill-complaint' : null, i === 4 ? 1 : 0, i < 3 ? 1 + ((d + i) % 5) : null, called + 11 * MIN,
        i === 0 ? `k${d % 7}` : null);
    }
  }
  return db;
}

describe('the office Quality view from counted days', () => {
  it('answers what the fold of every visit answers, for a closed quarter and with today live', () => {
    const db = officeWithVisits();
    const store = createQualityStore(db);
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const expected = qualityReport(store.visits(reportNeedsFrom(period, 30), period.to), [], period, rules);
    expect(expected.current.repeats.repeats).toBeGreaterThan(0);
    expect(qualityView(store, rules, period, '2026-12-15', 1).report).toEqual(expected);
    // Today inside the period: counted live, not stored (it is still changing).
    // (The visits end on 2027-01-08, today.)
    const month = { from: '2026-12-10', to: '2027-01-08' };
    const live = qualityView(store, rules, month, '2027-01-08', 2);
    expect(live.report).toEqual(qualityReport(store.visits(reportNeedsFrom(month, 30), month.to), [], month, rules));
    expect(live.report.byDay.at(-1)).toMatchObject({ key: '2027-01-08', served: 6 });
    expect(store.countedDays('2027-01-08', '2027-01-08').size).toBe(0);
    expect(store.countedDays('2027-01-07', '2027-01-07').size).toBe(1);
    db.close();
  });

  it('keeps a day\'s repeats after the account keys are forgotten', () => {
    const db = officeWithVisits();
    const store = createQualityStore(db);
    const period = { from: '2026-11-01', to: '2026-11-30' };
    countClosedDays(store, rules, { from: '2026-10-01', to: '2026-12-31' }, '2027-01-01', 1);
    const before = qualityView(store, rules, period, '2027-01-01', 1).report.current.repeats;
    expect(store.clearAccountKeysBefore(Date.UTC(2027, 0, 1))).toBeGreaterThan(0);
    expect(qualityView(store, rules, period, '2027-01-01', 2).report.current.repeats).toEqual(before);
    expect(before.repeats).toBe(30);
    db.close();
  });

  it('lists the low ratings with the head\'s marks', () => {
    const db = officeWithVisits();
    const store = createQualityStore(db);
    const { followUps } = qualityView(store, rules, { from: '2026-11-01', to: '2026-11-07' }, '2027-01-01', 1);
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((f) => f.rating <= 2 && f.officeDay >= '2026-11-01' && f.officeDay <= '2026-11-07')).toBe(true);
    db.close();
  });
});
