// bench/abuse: the office server under the attacks of issue 10, on loopback only. The attacker is
// bound to 127.0.0.2, the honest kiosk to 127.0.0.1. For each attack it prints the honest kiosk's
// kiosk:snapshot ack p50/p99 against the quiet run measured first in the same run, the server's RSS
// growth and log bytes, /healthz probes answered, and (for code guessing) guesses/s the server checked.
// Bounded in time: about 40 s in all. Refusals are logged once a minute, aggregated, so the log
// bytes of an attack this short are those of its own lines (0 until the minute's flush). Run with `npm run bench:abuse` (raises the open-file limit).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect as tcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, Manager } from 'socket.io-client';

const PORT = 18_000 + Math.floor(Math.random() * 1000);
const URL = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'talon-abuse-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function openFileLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s+/)[3] ?? 1024);
}

let logBytes = 0;
const server = spawn(process.execPath, ['apps/office-server/dist/main.js', '--demo', '--data', dataDir, '--port', String(PORT), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout.on('data', (c) => (logBytes += c.length));
server.stderr.on('data', (c) => (logBytes += c.length));
const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;

const healthz = () =>
  new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: PORT, path: '/healthz', localAddress: '127.0.0.1', agent: false, timeout: 2000 }, (res) => (res.resume(), res.on('end', () => resolve(res.statusCode === 200))));
    req.on('error', () => resolve(false)).on('timeout', () => (req.destroy(), resolve(false))).end();
  });

for (let i = 0; i < 100 && !(await healthz()); i++) await sleep(100);
const kiosk = io(`${URL}/kiosk`, { auth: { token: 'demo-kiosk-1' }, transports: ['websocket'], localAddress: '127.0.0.1' });
await new Promise((r) => kiosk.once('connect', r));

/** The honest kiosk asks for a snapshot every 50 ms and /healthz every 250 ms while `ms` runs. */
async function measure(ms, attack) {
  const acks = [];
  let probes = 0;
  let answered = 0;
  const rss0 = rssMiB();
  const log0 = logBytes;
  const stop = Date.now() + ms;
  const attacking = attack?.(stop);
  const honest = (async () => {
    while (Date.now() < stop) {
      const t = performance.now();
      await kiosk.timeout(5000).emitWithAck('kiosk:snapshot', {}).catch(() => {});
      acks.push(performance.now() - t);
      await sleep(50);
    }
  })();
  const probing = (async () => {
    while (Date.now() < stop) {
      probes += 1;
      if (await healthz()) answered += 1;
      await sleep(250);
    }
  })();
  const extra = await Promise.all([honest, probing, attacking]).then((r) => r[2]);
  acks.sort((a, b) => a - b);
  const q = (p) => acks[Math.min(acks.length - 1, Math.floor(p * acks.length))] ?? NaN;
  return { p50: q(0.5), p99: q(0.99), rss: rssMiB() - rss0, log: logBytes - log0, probes, answered, extra };
}

const quiet = await measure(5000);
const report = (name, r) => {
  console.log(
    `${name.padEnd(22)} p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms (${(r.p99 / quiet.p99).toFixed(2)}x quiet)  RSS +${r.rss.toFixed(1)} MiB  log +${r.log} B  /healthz ${r.answered}/${r.probes}${r.extra ? `  ${r.extra}` : ''}`,
  );
};
report('quiet', quiet);

// 1. Handshake flood: one websocket after another sending `40/kiosk,{"token":"wrong"}` in a loop.
report('handshake flood 10 s', await measure(10_000, async (stop) => {
  let sent = 0;
  while (Date.now() < stop) {
    const manager = new Manager(URL, { transports: ['websocket'], reconnection: false, autoConnect: false, localAddress: '127.0.0.2' });
    const opened = await new Promise((r) => manager.open((e) => r(!e)));
    if (!opened) {
      await sleep(20);
      continue;
    }
    const engine = manager.engine;
    while (Date.now() < stop && engine.readyState === 'open') {
      for (let i = 0; i < 50; i++, sent++) engine.write('0/kiosk,{"token":"wrong"}');
      await sleep(5);
    }
    engine.close();
  }
  return `connect packets sent ${sent}`;
}));

// 2. Idle sockets: a header line and silence, as many as this process may open.
const limit = openFileLimit();
const wanted = 20_000;
const idle = Math.min(wanted, limit - 200);
report(`${idle} idle sockets`, await measure(10_000, async (stop) => {
  const sockets = [];
  let closedByServer = 0;
  for (let i = 0; i < idle && Date.now() < stop; i++) {
    const s = tcp({ host: '127.0.0.1', port: PORT, localAddress: '127.0.0.2' });
    s.on('error', () => {}).on('close', () => (closedByServer += 1));
    s.resume();
    s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    sockets.push(s);
    if (i % 500 === 499) await sleep(10);
  }
  while (Date.now() < stop) await sleep(100);
  const open = sockets.filter((s) => s.readyState === 'open').length;
  sockets.forEach((s) => s.destroy());
  return `opened ${sockets.length}${idle < wanted ? ` (scaled down from ${wanted}: open-file limit ${limit})` : ''}, still open at the end ${open}`;
}));

// 3. Booking-code guessing with a real kiosk token. From 127.0.0.3: 127.0.0.2 is still refused at
// the door after the handshake flood (its failures count for limits.guessWindowMinutes).
report('code guessing 10 s', await measure(10_000, async (stop) => {
  const attacker = io(`${URL}/kiosk`, { auth: { token: 'demo-kiosk-2' }, transports: ['websocket'], localAddress: '127.0.0.3', reconnection: false });
  const ok = await new Promise((r) => (attacker.once('connect', () => r(true)), attacker.once('connect_error', () => r(false))));
  if (!ok) return 'attacker could not connect';
  let checked = 0;
  let refused = 0;
  const started = Date.now();
  let n = 0;
  while (Date.now() < stop) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => attacker.timeout(5000).emitWithAck('booking:check-in', { code: String(100_000_000_000 + n++) }).catch(() => ({}))));
    for (const a of answers) a.code === 'booking-not-found' ? (checked += 1) : (refused += 1);
  }
  attacker.disconnect();
  return `guesses checked ${(checked / ((Date.now() - started) / 1000)).toFixed(2)}/s (${checked} in all), refused ${refused}`;
}));

kiosk.disconnect();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
