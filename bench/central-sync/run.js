// bench/central-sync: the two ways to run central, side by side in one run on the same simulated
// offices. SQLite on one node (the embedded default) and PostgreSQL with two nodes behind nginx
// (Redis between them). For each: offices linked, events acked durably per second, sync lag
// (event committed at the office -> durable ack from central) p50/p99, memory per office
// connection; for two nodes also the time for every office to relink after one node is killed
// with SIGKILL, and events lost or doubled, counted in the store itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { officeEntries } from './bench-offices.js';
import { rssOf, startPostgresSetup, startSqliteSetup, writeCentralConfig } from './deployment.js';
import { SimulatedOffice } from './simulated-office.js';

const OFFICES = Number(process.env.BENCH_OFFICES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Each office commits an event this often on average: 10,000 offices x 1 per 5 s = 2,000/s. */
const EVENT_EVERY_MS = Number(process.env.BENCH_EVENT_EVERY_MS ?? 5_000);
const SETUPS = (process.env.BENCH_SETUPS ?? 'sqlite,postgres').split(',');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);

async function until(what, check, timeoutMs) {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function measure(start) {
  const dir = mkdtempSync(join(tmpdir(), 'talon-bench-sync-'));
  const configFile = writeCentralConfig(dir, officeEntries(OFFICES));
  const setup = await start(dir, configFile);
  const figures = { name: setup.name };
  const offices = [];
  const timers = [];
  try {
    const idle = setup.nodes.map((n) => rssOf(n.pid));

    // Link in waves, as offices come back after a central restart.
    const linkStarted = performance.now();
    let lags = [];
    let window = { from: Infinity, to: -Infinity };
    const onAcked = (lagMs, madeAt) => {
      if (madeAt >= window.from && madeAt < window.to) lags.push(lagMs);
    };
    for (let wave = 0; wave < OFFICES; wave += 500) {
      for (let i = wave; i < Math.min(OFFICES, wave + 500); i += 1) offices.push(new SimulatedOffice(i, setup.url, onAcked));
      await until(`offices ${wave}..${wave + 499} linked`, () => offices.every((o) => o.linked), 120_000);
    }
    figures.linkSeconds = (performance.now() - linkStarted) / 1000;
    const linked = setup.nodes.map((n) => rssOf(n.pid));
    figures.perConnectionKiB = linked.reduce((sum, rss, i) => sum + (rss - idle[i]), 0) / OFFICES / 1024;
    figures.nodeRss = linked.map(mib).join(' + ');

    // Each office commits events at random intervals around EVENT_EVERY_MS.
    let generating = true;
    for (const office of offices) {
      const tick = () => {
        if (!generating) return;
        office.make();
        timers.push(setTimeout(tick, EVENT_EVERY_MS * (0.5 + Math.random())));
      };
      timers.push(setTimeout(tick, Math.random() * EVENT_EVERY_MS));
    }
    await sleep(Math.min(5_000, EVENT_EVERY_MS));
    const ackedBefore = offices.reduce((sum, o) => sum + o.acked, 0);
    window = { from: performance.now(), to: performance.now() + SECONDS * 1000 };
    await sleep(SECONDS * 1000);
    const ackedDuring = offices.reduce((sum, o) => sum + o.acked, 0) - ackedBefore;
    figures.ackedPerSecond = ackedDuring / SECONDS;
    // Events made in the window whose ack is still to come count at their eventual lag; wait a little.
    await sleep(2_000);
    lags.sort((a, b) => a - b);
    figures.lagP50 = percentile(lags, 50);
    figures.lagP99 = percentile(lags, 99);
    figures.loadedRss = setup.nodes.map((n) => mib(rssOf(n.pid))).join(' + ');

    if (setup.nodes.length > 1) {
      // One node dies mid-sync; its offices reconnect through nginx to the other.
      const victim = setup.nodes[0];
      const killedAt = performance.now();
      victim.kill();
      await victim.exited;
      await until('the dead node\'s offices to notice', () => offices.some((o) => o.droppedAt > killedAt), 30_000);
      await until('every office relinked', () => offices.every((o) => o.linked && o.linkedAt > o.droppedAt), 120_000);
      figures.movedOffices = offices.filter((o) => o.droppedAt > killedAt).length;
      figures.relinkSeconds = (performance.now() - killedAt) / 1000;
      await sleep(3_000);
    }

    generating = false;
    for (const timer of timers) clearTimeout(timer);
    await until('every outbox drained', () => offices.every((o) => o.outbox.length === 0), 180_000);
    const made = offices.reduce((sum, o) => sum + o.made, 0);
    const stored = await setup.countEvents();
    figures.made = made;
    figures.lost = made - stored.distinctIds;
    figures.doubled = stored.rows - stored.distinctIds;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const office of offices) office.close();
    await setup.stop().catch((error) => console.error(`stopping ${setup.name}:`, error.message));
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

const starts = { sqlite: startSqliteSetup, postgres: startPostgresSetup };
const results = [];
for (const name of SETUPS) {
  console.log(`${name}: ${OFFICES} offices, one event each every ~${EVENT_EVERY_MS / 1000} s, ${SECONDS} s measured...`);
  results.push(await measure(starts[name]));
}

const rows = [
  ['offices linked', (f) => `${OFFICES} in ${f.linkSeconds.toFixed(1)} s`],
  ['events acked durably per second', (f) => f.ackedPerSecond.toFixed(0)],
  ['sync lag p50 / p99', (f) => `${f.lagP50.toFixed(0)} / ${f.lagP99.toFixed(0)} ms`],
  ['memory per office connection', (f) => `${f.perConnectionKiB.toFixed(1)} KiB`],
  ['node RSS linked / under load (MiB)', (f) => `${f.nodeRss} / ${f.loadedRss}`],
  ['all offices relinked after kill -9', (f) => (f.relinkSeconds === undefined ? '-' : `${f.relinkSeconds.toFixed(1)} s (${f.movedOffices} moved)`)],
  ['events made / lost / doubled', (f) => `${f.made} / ${f.lost} / ${f.doubled}`],
];
const width = Math.max(...rows.map(([label]) => label.length)) + 2;
const column = 34;
console.log('');
console.log(''.padEnd(width) + results.map((f) => f.name.padEnd(column)).join(''));
for (const [label, value] of rows) console.log(label.padEnd(width) + results.map((f) => value(f).padEnd(column)).join(''));
process.exit(0);
