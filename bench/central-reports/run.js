// bench/central-reports: a year of tickets for 300 offices in PostgreSQL (made by generate_series
// in the database itself), then the company's monthly report across all offices and one office's
// year through the PostgreSQL CentralStore. Baseline in the same run: the same reports with index
// scans turned off (what they would cost without the indexes). Targets: month < 2 s, office year < 1 s.
// Scale: BENCH_TICKETS_PER_DAY per office and day (275 makes the issue's ~30 million rows; the
// default 30 keeps a run short on a shared machine). Server: TALON_BENCH_POSTGRES_URL.
// BENCH_KEEP_DATABASE=name loads into (or reuses, if already loaded) that database and keeps it, so
// the reports can be timed again without a 10-minute load; drop it by hand afterwards.
// Each report's queries are printed with EXPLAIN ANALYZE, to show which indexes they use.
// Run after `npm run build`.
import { randomBytes } from 'node:crypto';
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
  const now = Date.UTC(2026, 11, 1);
  const time = async (fn) => {
    const start = performance.now();
    const result = await fn();
    return { ms: performance.now() - start, result };
  };
  const month = () => store.reportCounts({ from: '2026-06-01', to: '2026-06-30', now });
  const year = () => store.reportCounts({ from: '2025-12-01', to: '2026-11-30', officeId: 'office-7', now });
  await month(); // warm the cache once, as a server that has been running would be
  const indexedMonth = await time(month);
  const indexedYear = await time(year);
  for (const [title, report] of [['company month', month], ["one office's year", year]]) {
    console.log(`EXPLAIN ANALYZE, ${title}:`);
    for (const plan of await explain(store, report)) console.log(plan.replace(/^/gm, '    '), '\n');
  }
  // Baseline: the planner without index scans, on the same connection settings.
  await db.query(`ALTER DATABASE ${name} SET enable_indexscan = off`);
  await db.query(`ALTER DATABASE ${name} SET enable_bitmapscan = off`);
  await store.close();
  const plain = await createPostgresCentralStore({ url: url.toString(), poolSize: 1 });
  const scanMonth = await time(() => plain.reportCounts({ from: '2026-06-01', to: '2026-06-30', now }));
  const scanYear = await time(() => plain.reportCounts({ from: '2025-12-01', to: '2026-11-30', officeId: 'office-7', now }));
  await plain.close();
  await admin(`ALTER DATABASE ${name} RESET enable_indexscan; ALTER DATABASE ${name} RESET enable_bitmapscan`);

  const f = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`central-reports: ${OFFICES} offices x ${DAYS} days x ${PER_DAY} tickets = ${rows.toLocaleString('en')} ticket rows (loaded in ${(loadMs / 1000).toFixed(1)} s)`);
  console.log('| report | with indexes | baseline: index scans off | target |');
  console.log('|---|---|---|---|');
  console.log(`| company month (${indexedMonth.result.length} office days) | ${f(indexedMonth.ms)} | ${f(scanMonth.ms)} | < 2,000 ms |`);
  console.log(`| one office's year (${indexedYear.result.length} days) | ${f(indexedYear.ms)} | ${f(scanYear.ms)} | < 1,000 ms |`);
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
    if (typeof text === 'string' && /^\s*SELECT/i.test(text)) sent.push({ text, params });
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
