// bench/office-load: a whole office pushing tickets and calls as fast as it can, with durable writes.
// Prints sustained durable commands/s and call-to-board latency next to a raw Socket.IO round trip
// measured in the same run, which is the floor no server could beat.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { BOARDS, DESKS, KIOSKS, PASSWORD } from './bench-office.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

const server = fork(new URL('./server.js', import.meta.url), { stdio: 'inherit' });
const { port, echoPort } = await new Promise((r) => server.once('message', r));
const base = `http://127.0.0.1:${port}`;
const connect = (namespace, auth, url = base) =>
  new Promise((resolve, reject) => {
    const socket = io(`${url}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
const login = async (name) => {
  const response = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: name, password: PASSWORD }) });
  return (await response.json()).session;
};

const kiosks = await Promise.all(Array.from({ length: KIOSKS }, (_, i) => connect('/kiosk', { token: `bench-kiosk-${i + 1}` })));
const operators = [];
for (let i = 0; i < DESKS; i += 1) operators.push(await connect('/operator', { session: await login(`op${i + 1}`) }));
const boards = await Promise.all(Array.from({ length: BOARDS }, (_, i) => connect('/board', { token: `bench-board-${i + 1}` })));
const echo = await connect('/', {}, `http://127.0.0.1:${echoPort}`);
await Promise.all(operators.map((s, i) => s.emitWithAck('desk:open', { deskId: `desk-${i + 1}` })));

let measuring = false;
let running = true;
const counts = { issued: 0, calls: 0, starts: 0, finishes: 0, refused: 0 };
const callSentAt = new Map();
const boardLatency = [];
const rawRoundTrip = [];

for (const board of boards) {
  board.on('board:call', (call) => {
    const sent = callSentAt.get(call.deskNumber);
    if (measuring && sent !== undefined && !call.recall) boardLatency.push(performance.now() - sent);
  });
}

const count = (answer, key) => {
  if (!measuring) return;
  if (answer.ok) counts[key] += 1;
  else counts.refused += 1;
};

// A busy hall, not an endless one: kiosks wait while a service already has a crowd, as visitors would.
const CROWD = Number(process.env.BENCH_CROWD ?? 60);
async function kioskLoop(socket, index) {
  const services = ['payments', 'contracts', 'meters', 'recalculation', 'business'];
  for (let n = index; running; n += 1) {
    const answer = await socket.emitWithAck('ticket:issue', { serviceId: services[n % services.length] });
    count(answer, 'issued');
    if (answer.ok && answer.peopleAhead >= CROWD) await new Promise((r) => setTimeout(r, 20));
  }
}

async function deskLoop(socket, deskNumber) {
  while (running) {
    callSentAt.set(deskNumber, performance.now());
    const called = await socket.emitWithAck('ticket:call-next', {});
    if (!called.ok) {
      callSentAt.delete(deskNumber);
      if (measuring) counts.refused += 1;
      await new Promise((r) => setTimeout(r, 1));
      continue;
    }
    count(called, 'calls');
    count(await socket.emitWithAck('ticket:start', {}), 'starts');
    count(await socket.emitWithAck('ticket:finish', {}), 'finishes');
  }
}

async function echoLoop() {
  while (running) {
    const started = performance.now();
    await echo.emitWithAck('echo', { at: started });
    if (measuring) rawRoundTrip.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const loops = [...kiosks.map(kioskLoop), ...operators.map((s, i) => deskLoop(s, i + 1)), echoLoop()];
await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
measuring = true;
const started = performance.now();
await new Promise((r) => setTimeout(r, SECONDS * 1000));
measuring = false;
const elapsed = (performance.now() - started) / 1000;
server.send('memory');
const { memory } = await new Promise((r) => server.once('message', r));
running = false;
await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, 5000))]);

const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const durable = counts.issued + counts.calls + counts.starts + counts.finishes;
const f = (x) => x.toFixed(2);
const board50 = quantile(boardLatency, 0.5);
const board99 = quantile(boardLatency, 0.99);
const raw50 = quantile(rawRoundTrip, 0.5);
const raw99 = quantile(rawRoundTrip, 0.99);

console.log(`office-load: ${KIOSKS} kiosks, ${DESKS} desks, ${BOARDS} boards, ${f(elapsed)} s measured after ${WARMUP_SECONDS} s warm-up, SQLite WAL synchronous=FULL`);
console.log(`  durable commands/s        ${(durable / elapsed).toFixed(0)}   (target >= 1000)`);
console.log(`    tickets issued/s        ${(counts.issued / elapsed).toFixed(0)}`);
console.log(`    calls/s                 ${(counts.calls / elapsed).toFixed(0)}   (+ as many starts and finishes)`);
console.log(`    refused (queue empty)   ${counts.refused}`);
console.log(`  call-to-board latency     p50 ${f(board50)} ms   p99 ${f(board99)} ms   (${boardLatency.length} calls seen by ${BOARDS} boards)`);
console.log(`  raw Socket.IO round trip  p50 ${f(raw50)} ms   p99 ${f(raw99)} ms   (${rawRoundTrip.length} echoes, same run)`);
console.log(`  call-to-board p99 / raw p99   ${f(board99 / raw99)}x   (target <= 3x)`);
console.log(`  server memory             rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);

[...kiosks, ...operators, ...boards, echo].forEach((s) => s.disconnect());
server.send('stop');
await new Promise((r) => server.once('exit', r));
