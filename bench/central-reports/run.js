// bench/central-reports: a year of tickets for 300 offices in PostgreSQL (made by generate_series
// in the database itself), then the company's monthly report across all offices and one office's
// year through the PostgreSQL CentralStore: from the tickets alone (the baseline, as before the
// roll-up), then from the daily roll-up (the first report counts the closed days, the next reads
// them). Baseline too: the same reports with index scans turned off. Targets: month < 2 s, office year < 1 s.
// Scale: BENCH_TICKETS_PER_DAY per office and day (275 makes the issue's ~30 million rows; the
// default 30 keeps a run short on a shared machine). Server: TALON_BENCH_POSTGRES_URL.
// BENCH_KEEP_DATABASE=name loads into (or reuses, if already loaded) that database and keeps it, so
// the reports can be timed again without a 10-minute load; drop it by hand afterwards.
// Each report's queries are printed with EXPLAIN ANALYZE, to show which indexes they use.
// Run after `npm run build`.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createPostgresCentralStore } from '../../apps/booking-service/dist/storage/postgres/postgres-central-store.js';

const SERVER = process.env.TALON_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OFFICES = Number(process.env.BENCH_OFFICES ?? 300);
const PER_DAY = Number(process.env.BENCH_TICKETS_PER_DAY ?? 30);
const DAYS = 365;
const KEEP = process.env.BENCH_KEEP_DATABASE;
const name = KEEP ?? `talon_bench_reports_${randomBytes(4).toString('hex')}`;

const admin = async (sql) => {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};
const exists = async () => {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
};
const reuse = KEEP !== undefined && (await exists());
if (!reuse) await admin(`CREATE DATABASE ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
try {
  const store = await createPostgresCentralStore({ url: url.toString(), poolSize: 2 });
  const db = store.pool;
  const t0 = performance.now();
  if (!reuse) {
    // One connection for the whole load, so its session settings hold for every statement.
    const c = await db.connect();
    await load(c).finally(() => c.release());
  }
  const rows = Number((await db.query('SELECT COUNT(*) AS n FROM tickets')).rows[0].n);
  const loadMs = performance.now() - t0;
  const now = Date.UTC(2026, 11, 1); // office days up to 2026-11-29 are closed
  const time = async (fn) => {
    const start = performance.now();
    const result = await fn();
    return { ms: performance.now() - start, result };
  };
  const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  const loadBefore = loadAverage();
  // A re-run over a kept database starts with no roll-up, as the first report after a deploy does.
  await db.query('DELETE FROM report_days');
  const month = (rolledUp) => store.reportCounts({ from: '2026-06-01', to: '2026-06-30', now, rolledUp });
  const year = (rolledUp) => store.reportCounts({ from: '2025-12-01', to: '2026-11-30', officeId: 'office-7', now, rolledUp });
  await month(false); // warm the cache once, as a server that has been running would be
  // Baseline: every day from the tickets, as before the roll-up.
  const ticketsMonth = await time(() => month(false));
  const ticketsYear = await time(() => year(false));
  // The first report counts the closed days it lacks (the month's 9,000 office days; then the office's other 334), the next reads them.
  const firstMonth = await time(() => month(true));
  const firstYear = await time(() => year(true));
  const rolledMonth = await time(() => month(true));
  const rolledYear = await time(() => year(true));
  // The edge timer's daily work: one newly closed day of every office.
  await db.query(`DELETE FROM report_days WHERE office_day = '2026-11-29'`);
  const oneDay = await time(() => store.rollUpReportDays({ from: '2026-11-29', to: '2026-11-29', now }));
  // Steady state: every closed day of the year rolled up (what the hourly pass leaves behind), the
  // table analysed as autovacuum would; the reports read from ~110,000 rows instead of ~9,000.
  const wholeYear = await time(() => store.rollUpReportDays({ from: '2025-12-01', to: '2026-11-30', now }));
  await db.query('VACUUM (ANALYZE) report_days');
  const yearRows = Number((await db.query('SELECT COUNT(*) AS n FROM report_days')).rows[0].n);
  const steadyMonth = await time(() => month(true));
  const steadyYear = await time(() => year(true));
  const same = JSON.stringify(steadyMonth.result) === JSON.stringify(ticketsMonth.result) && JSON.stringify(steadyYear.result) === JSON.stringify(ticketsYear.result) &&
    JSON.stringify(rolledMonth.result) === JSON.stringify(ticketsMonth.result) && JSON.stringify(rolledYear.result) === JSON.stringify(ticketsYear.result);
  for (const [title, report] of [['company month, tickets only', () => month(false)], ['company month, roll-up', () => month(true)], ["one office's year, tickets only", () => year(false)], ["one office's year, roll-up", () => year(true)]]) {
    console.log(`EXPLAIN ANALYZE, ${title}:`);
    for (const plan of await explain(store, report)) console.log(plan.replace(/^/gm, '    '), '\n');
  }
  // Baseline: the planner without index scans, on the same connection settings.
  await db.query(`ALTER DATABASE ${name} SET enable_indexscan = off`);
  await db.query(`ALTER DATABASE ${name} SET enable_bitmapscan = off`);
  await store.close();
  const plain = await createPostgresCentralStore({ url: url.toString(), poolSize: 1 });
  const scanMonth = await time(() => plain.reportCounts({ from: '2026-06-01', to: '2026-06-30', now, rolledUp: false }));
  const scanYear = await time(() => plain.reportCounts({ from: '2025-12-01', to: '2026-11-30', officeId: 'office-7', now, rolledUp: false }));
  const scanRolledMonth = await time(() => plain.reportCounts({ from: '2026-06-01', to: '2026-06-30', now }));
  const scanRolledYear = await time(() => plain.reportCounts({ from: '2025-12-01', to: '2026-11-30', officeId: 'office-7', now }));
  await plain.close();
  await admin(`ALTER DATABASE ${name} RESET enable_indexscan; ALTER DATABASE ${name} RESET enable_bitmapscan`);

  const f = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`central-reports: ${OFFICES} offices x ${DAYS} days x ${PER_DAY} tickets = ${rows.toLocaleString('en')} ticket rows (loaded in ${(loadMs / 1000).toFixed(1)} s)`);
  console.log(`load average (1, 5, 15 min): ${loadBefore} before the timings, ${loadAverage()} after; roll-up reports equal the tickets-only ones: ${same}`);
  console.log('| report | tickets only (baseline) | roll-up: first report, counts the days | roll-up: read | tickets only, index scans off | roll-up read, index scans off | target |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| company month (${rolledMonth.result.length} office days) | ${f(ticketsMonth.ms)} | ${f(firstMonth.ms)} | ${f(rolledMonth.ms)} | ${f(scanMonth.ms)} | ${f(scanRolledMonth.ms)} | < 2,000 ms |`);
  console.log(`| one office's year (${rolledYear.result.length} days) | ${f(ticketsYear.ms)} | ${f(firstYear.ms)} | ${f(rolledYear.ms)} | ${f(scanYear.ms)} | ${f(scanRolledYear.ms)} | < 1,000 ms |`);
  console.log(`edge timer: one closed day of every office counted (${oneDay.result} office days) in ${f(oneDay.ms)}`);
  console.log(`the rest of the year counted (${wholeYear.result.toLocaleString('en')} office days) in ${f(wholeYear.ms)}; then with ${yearRows.toLocaleString('en')} rows: company month ${f(steadyMonth.ms)}, one office's year ${f(steadyYear.ms)}`);
  if (!same) process.exitCode = 1;
} finally {
  if (KEEP === undefined) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** The year of tickets, made inside PostgreSQL; indexes are built after the load, as a bulk import would. */
async function load(db) {
  await db.query(`INSERT INTO offices (id, summary, time_zone, waiting_standard_ms, updated_at)
    SELECT 'office-' || o, '{}', 'Europe/Moscow', 900000, 0 FROM generate_series(1, ${OFFICES}) o`);
  // Whatever indexes the migrations made, as they made them: dropped now, rebuilt from their definitions.
  const indexes = (await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tickets' AND indexname <> 'tickets_pkey'`)).rows;
  await db.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_pkey`);
  for (const { indexname } of indexes) await db.query(`DROP INDEX ${indexname}`);
  // Day by day across all offices, in the order a running central receives them.
  await db.query(`SET synchronous_commit = off`);
  await db.query(`INSERT INTO tickets (office_id, id, number, service_id, office_day, kind, issued_at, queued_at, status, first_called_at, ended_at, service_ms, rating)
    SELECT 'office-' || o, d || '-' || n, 'A' || n, CASE WHEN n % 3 = 0 THEN 'contracts' ELSE 'payments' END,
      to_char(date '2025-12-01' + d, 'YYYY-MM-DD'), 'walk-in', q, q, CASE WHEN n % 17 = 0 THEN 'no-show' ELSE 'done' END,
      q + (n * 7919 % 1800) * 1000, q + 2400000, 600000, CASE WHEN n % 3 = 0 THEN 1 + n % 5 END
    FROM generate_series(0, ${DAYS - 1}) d, generate_series(1, ${OFFICES}) o, generate_series(1, ${PER_DAY}) n,
      LATERAL (SELECT (extract(epoch FROM date '2025-12-01' + d) * 1000)::bigint + 21600000 + n * 60000 AS q) t`);
  await db.query(`ALTER TABLE tickets ADD PRIMARY KEY (office_id, id)`);
  for (const { indexdef } of indexes) await db.query(indexdef);
  // A server that has run a while has been vacuumed: the visibility map lets index-only scans skip the heap.
  await db.query(`VACUUM (ANALYZE) tickets`);
}

/** Runs `report` once with the store's pool watched, then EXPLAIN ANALYZE for each query it sent. */
async function explain(store, report) {
  const sent = [];
  const query = store.pool.query;
  store.pool.query = function (text, params) {
    if (typeof text === 'string' && /^\s*(SELECT|WITH)/i.test(text)) sent.push({ text, params });
    return query.call(this, text, params);
  };
  try {
    await report();
  } finally {
    store.pool.query = query;
  }
  const plans = [];
  for (const { text, params } of sent) {
    const r = await query.call(store.pool, `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, params);
    plans.push(r.rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
  return plans;
}
