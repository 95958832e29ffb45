// bench/office-quality: the office head's Quality view for a quarter over a year of one office
// (target < 300 ms), against the baseline of the same run: only reading the rows the view needs
// (the quarter, the previous quarter and the repeat window before it) with one plain SELECT.
// Run after `npm run build`.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../../apps/office-server/dist/storage/migrate.js';
import { MIGRATIONS } from '../../apps/office-server/dist/storage/migrations/index.js';
import { createQualityStore } from '../../apps/office-server/dist/quality/quality-store.js';
import { qualityView } from '../../apps/office-server/dist/quality/quality-view.js';
import { qualityReport, reportNeedsFrom } from '../../packages/domain/dist/index.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const VISITORS_PER_DAY = Number(process.env.BENCH_VISITORS ?? 400);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1, 5);
const SERVICES = ['payments', 'contracts', 'meters', 'recalculation'];
const OUTCOMES = ['advised', 'paid', 'bill-complaint', 'claim-accepted'];

// A seeded generator (mulberry32): the same database every run.
let seed = 13;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const dir = mkdtempSync(join(tmpdir(), 'talon-quality-bench-'));
const db = new Database(join(dir, 'talon.db'));
db.pragma('journal_mode = WAL');
migrate(db, MIGRATIONS);
const insert = db.prepare(`INSERT INTO tickets (id, number, service_id, first_service_id, office_day, kind, issued_at, queued_at,
    status, first_called_at, desk_id, operator_id, ended_at, outcome_id, transfers, rating, rated_at, account_key)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
db.transaction(() => {
  for (let d = 0; d < DAYS; d += 1) {
    const day = new Date(T0 + d * DAY).toISOString().slice(0, 10);
    for (let i = 0; i < VISITORS_PER_DAY; i += 1) {
      const issuedAt = T0 + d * DAY + i * 80_000;
      const calledAt = issuedAt + Math.floor(random() * 40 * 60_000);
      const served = random() < 0.95;
      const service = SERVICES[i % SERVICES.length];
      insert.run(
        `t${d}-${i}`, `A${i}`, service, service, day, random() < 0.1 ? 'booking' : 'walk-in', issuedAt, issuedAt,
        served ? 'done' : 'no-show', calledAt, `desk-${1 + (i % 4)}`, `op-${1 + (i % 6)}`, calledAt + 600_000,
        served && random() < 0.7 ? OUTCOMES[Math.floor(random() * OUTCOMES.length)] : null,
        random() < 0.05 ? 1 : 0,
        served && random() < 0.4 ? 1 + Math.floor(random() * 5) : null, calledAt + 660_000,
        random() < 0.3 ? `k${Math.floor(random() * 20_000)}` : null,
      );
    }
  }
})();

const rules = {
  complaintOutcomeIds: new Set(['bill-complaint', 'claim-accepted']),
  repeatWindowDays: 30,
  holidays: new Set(['2026-11-04']),
  waitingStandardMinutes: 15,
  bookingStandardMinutes: 5,
  hourOf: (at) => new Date(at + 3 * 3_600_000).getUTCHours(),
};
const period = { from: '2026-10-01', to: '2026-12-31' };
const store = createQualityStore(db);
const readOnly = db.prepare('SELECT * FROM tickets WHERE office_day >= ? AND office_day <= ?');

const best = (fn, runs = 5) => {
  let min = Infinity;
  let result;
  for (let r = 0; r < runs; r += 1) {
    const started = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - started);
  }
  return { ms: min, result };
};
const needs = reportNeedsFrom(period, rules.repeatWindowDays);
const baseline = best(() => readOnly.all(needs, period.to).length);
// The definition: every visit of the seven months folded by the domain's functions.
const folded = best(() => qualityReport(store.visits(needs, period.to), [], period, rules), 3);
const today = '2027-01-01';
const now = Date.UTC(2027, 0, 1, 6);
// First view after an upgrade: the closed days are counted once and stored.
const first = best(() => qualityView(store, rules, period, today, now), 1);
const view = best(() => qualityView(store, rules, period, today, now));
const c = view.result.report.current;
const same = JSON.stringify(view.result.report) === JSON.stringify(folded.result);
console.log(`office-quality: ${DAYS} days x ${VISITORS_PER_DAY} visitors, quarter ${period.from}..${period.to}`);
console.log(`  baseline (read ${baseline.result} rows only): ${baseline.ms.toFixed(1)} ms`);
console.log(`  fold of every visit (the definition):      ${folded.ms.toFixed(1)} ms (${(folded.ms / baseline.ms).toFixed(2)} x baseline)`);
console.log(`  first view, counting the closed days:      ${first.ms.toFixed(1)} ms`);
console.log(`  Quality view for the quarter:              ${view.ms.toFixed(1)} ms (${(view.ms / baseline.ms).toFixed(3)} x baseline; target < 300 ms) ${view.ms < 300 ? 'OK' : 'OVER'}`);
console.log(`  same report as the fold: ${same ? 'yes' : 'NO'}`);
console.log(`  served ${c.satisfaction.served}, satisfied ${(c.satisfaction.satisfiedShare * 100).toFixed(1)} %, complaints ${c.complaints.complaints}, repeats ${c.repeats.repeats}, follow-ups ${view.result.followUps.length}`);
db.close();
rmSync(dir, { recursive: true, force: true });
