// bench/central-sync: the two ways to run central, side by side in one run on the same simulated
// offices. SQLite on one node (the embedded default) and PostgreSQL with two nodes behind nginx
// (Redis between them). For each: offices linked, events acked durably per second, sync lag
// (event committed at the office -> durable ack from central) p50/p99, memory per office
// connection; for two nodes also the time for every office to relink after one node is killed
// with SIGKILL, and events lost or doubled, counted in the store itself.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { officeEntries } from './bench-offices.js';
import { rssOf, startPostgresSetup, startSqliteSetup, writeCentralConfig } from './deployment.js';

const OFFICES = Number(process.env.BENCH_OFFICES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Each office commits an event this often on average: 10,000 offices x 1 per 5 s = 2,000/s. */
const EVENT_EVERY_MS = Number(process.env.BENCH_EVENT_EVERY_MS ?? 5_000);
const SETUPS = (process.env.BENCH_SETUPS ?? 'sqlite,postgres').split(',');
/** Child processes holding the simulated offices (one per core by default). */
const FLEETS = Number(process.env.BENCH_OFFICE_PROCESSES ?? 2);
const WAVE = 500;
/** How long the offices' outboxes may take to drain after they stop making events. */
const DRAIN_MS = Number(process.env.BENCH_DRAIN_SECONDS ?? 600) * 1000;
/** How long every office may take to relink after a node is killed before the run says it did not. */
const RELINK_LIMIT_MS = Number(process.env.BENCH_RELINK_SECONDS ?? 120) * 1000;
const progress = (line) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line} (load ${loadavg()[0].toFixed(1)})`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);

async function until(what, check, timeoutMs) {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** The offices' side: FLEETS child processes (office-fleet.js), each holding a share of the offices. */
function startFleets() {
  const fleets = Array.from({ length: FLEETS }, () => {
    const child = fork(join(import.meta.dirname, 'office-fleet.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const pending = new Map();
    let next = 0;
    child.on('message', ({ id, ok, result, error }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (ok) p.resolve(result);
      else p.reject(new Error(error));
    });
    child.on('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`office fleet exited with ${code}`));
    });
    const ask = (command, args = {}) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        child.send({ id, command, args });
      });
    return { child, ask };
  });
  const all = (command, args) => Promise.all(fleets.map((f) => f.ask(command, args)));
  const status = async () => {
    const each = await all('status');
    const sum = (key) => each.reduce((total, s) => total + s[key], 0);
    return { linked: sum('linked'), made: sum('made'), acked: sum('acked'), unacked: sum('unacked'), moved: sum('moved'), relinked: each.every((s) => s.relinked) };
  };
  return { fleets, all, status, close: () => all('close').catch(() => {}) };
}

async function measure(start) {
  const dir = mkdtempSync(join(tmpdir(), 'talon-bench-sync-'));
  const configFile = writeCentralConfig(dir, officeEntries(OFFICES));
  const setup = await start(dir, configFile);
  const figures = { name: setup.name };
  const offices = startFleets();
  try {
    const idle = setup.nodes.map((n) => rssOf(n.pid));

    // Link in waves, as offices come back after a central restart; each wave split over the fleets.
    const linkStarted = performance.now();
    for (let wave = 0; wave < OFFICES; wave += WAVE) {
      const to = Math.min(OFFICES, wave + WAVE);
      const share = Math.ceil((to - wave) / FLEETS);
      await Promise.race([
        Promise.all(offices.fleets.map((f, k) => f.ask('link', { url: setup.url, from: Math.min(to, wave + k * share), to: Math.min(to, wave + (k + 1) * share) }))),
        sleep(120_000).then(() => {
          throw new Error(`offices ${wave}..${to - 1}: not linked within 120 s`);
        }),
      ]);
    }
    figures.linkSeconds = (performance.now() - linkStarted) / 1000;
    progress(`${OFFICES} offices linked in ${figures.linkSeconds.toFixed(1)} s`);
    await sleep(1_000);
    const linked = setup.nodes.map((n) => rssOf(n.pid));
    figures.perConnectionKiB = linked.reduce((sum, rss, i) => sum + (rss - idle[i]), 0) / OFFICES / 1024;
    figures.nodeRss = linked.map(mib).join(' + ');
    progress(`memory per office connection ${figures.perConnectionKiB.toFixed(1)} KiB, node RSS ${figures.nodeRss} MiB`);
    const cpuBefore = setup.nodes.map((n) => cpuSecondsOf(n.pid));

    await offices.all('generate', { eventEveryMs: EVENT_EVERY_MS });
    await sleep(Math.min(5_000, EVENT_EVERY_MS));
    const ackedBefore = (await offices.status()).acked;
    await offices.all('window', { ms: SECONDS * 1000 });
    const windowStarted = performance.now();
    await sleep(SECONDS * 1000);
    const ackedDuring = (await offices.status()).acked - ackedBefore;
    figures.ackedPerSecond = ackedDuring / ((performance.now() - windowStarted) / 1000);
    figures.nodeCpu = setup.nodes.map((n, i) => `${(((cpuSecondsOf(n.pid) - cpuBefore[i]) / ((performance.now() - windowStarted) / 1000)) * 100).toFixed(0)} %`).join(' + ');
    // Events made in the window whose ack is still to come count at their eventual lag; wait a little.
    await sleep(2_000);
    const lags = (await offices.all('lags')).flatMap((r) => r.lags).sort((a, b) => a - b);
    figures.lagP50 = percentile(lags, 50);
    figures.lagP99 = percentile(lags, 99);
    progress(`${figures.ackedPerSecond.toFixed(0)} acked/s, lag p50 ${figures.lagP50?.toFixed(0)} ms, p99 ${figures.lagP99?.toFixed(0)} ms, node CPU ${figures.nodeCpu}`);
    figures.load = loadavg()[0];
    figures.loadedRss = setup.nodes.map((n) => mib(rssOf(n.pid))).join(' + ');

    if (setup.nodes.length > 1) {
      // One node dies mid-sync; its offices reconnect through nginx to the other.
      const victim = setup.nodes[0];
      await offices.all('markKill');
      const killedAt = performance.now();
      victim.kill();
      await victim.exited;
      await until('the dead node\'s offices to notice', async () => (await offices.status()).moved > 0, 30_000);
      // A relink slower than the limit is a figure, not the end of the run: the outboxes are still
      // drained and counted afterwards, which is what says whether anything was lost.
      const relinked = await until('every office relinked', async () => (await offices.status()).relinked, RELINK_LIMIT_MS).then(() => true, () => false);
      const after = await offices.status();
      figures.movedOffices = after.moved;
      const relinks = (await offices.all('relinkTimes')).flatMap((r) => r.times).sort((a, b) => a - b);
      figures.relinkP50 = percentile(relinks, 50);
      figures.relinkP99 = percentile(relinks, 99);
      progress(`one office's relink (link lost -> hello answered) p50 ${(figures.relinkP50 / 1000).toFixed(1)} s, p99 ${(figures.relinkP99 / 1000).toFixed(1)} s`);
      if (relinked) {
        figures.relinkSeconds = (performance.now() - killedAt) / 1000;
        progress(`${figures.movedOffices} offices moved; all relinked ${figures.relinkSeconds.toFixed(1)} s after the kill`);
      } else {
        figures.linkedAtLimit = after.linked;
        progress(`${figures.movedOffices} offices moved; not all relinked within ${RELINK_LIMIT_MS / 1000} s (${after.linked} of ${OFFICES} linked then)`);
      }
      await sleep(3_000);
    }

    await offices.all('stopGenerating');
    // Drained when every outbox is empty; a central that fell behind gets as long as it needs, up to a
    // limit, and the figures then say how much was still waiting (delayed, not lost: the offices keep it).
    const drainStarted = performance.now();
    let left = await offices.status();
    while (left.unacked > 0 && performance.now() - drainStarted < DRAIN_MS) {
      await sleep(1_000);
      left = await offices.status();
    }
    figures.drainSeconds = (performance.now() - drainStarted) / 1000;
    figures.unacked = left.unacked;
    progress(`outboxes ${left.unacked === 0 ? 'drained' : `not drained (${left.unacked} events waiting)`} ${figures.drainSeconds.toFixed(0)} s after the offices stopped`);
    const stored = await setup.countEvents();
    figures.made = left.made;
    // Lost: acked or not, an event made and not held once the outboxes are empty. With events still
    // waiting in outboxes these are not lost; they are counted apart.
    figures.lost = Math.max(0, left.made - left.unacked - stored.distinctIds);
    figures.doubled = stored.rows - stored.distinctIds;
    progress(`events made ${figures.made}, lost ${figures.lost}, doubled ${figures.doubled}`);
  } finally {
    await offices.close();
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
  ['node CPU while measured', (f) => f.nodeCpu],
  ['machine load average (1 min) then', (f) => f.load.toFixed(1)],
  ['all offices relinked after kill -9', (f) => (f.movedOffices === undefined ? '-' : f.relinkSeconds === undefined ? `not within ${RELINK_LIMIT_MS / 1000} s (${f.linkedAtLimit} linked, ${f.movedOffices} moved)` : `${f.relinkSeconds.toFixed(1)} s (${f.movedOffices} moved)`)],
  ['one office relinked p50 / p99', (f) => (f.relinkP50 === undefined ? '-' : `${(f.relinkP50 / 1000).toFixed(1)} / ${(f.relinkP99 / 1000).toFixed(1)} s`)],
  ['events made / lost / doubled', (f) => `${f.made} / ${f.lost} / ${f.doubled}`],
  ['outboxes drained after the offices stopped', (f) => (f.unacked ? `no: ${f.unacked} waiting after ${f.drainSeconds.toFixed(0)} s` : `in ${f.drainSeconds.toFixed(0)} s`)],
];
const width = Math.max(...rows.map(([label]) => label.length)) + 2;
const column = 34;
console.log('');
console.log(''.padEnd(width) + results.map((f) => f.name.padEnd(column)).join(''));
for (const [label, value] of rows) console.log(label.padEnd(width) + results.map((f) => value(f).padEnd(column)).join(''));
process.exit(0);
