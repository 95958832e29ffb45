// bench/phone-updates: 500 offices linked to one central node and 10,000 open phone pages (raw
// socket.io-client connections on /phone, one per ticket, by the ticket's signed token). Each office
// calls a visitor every few seconds: it pushes the call's outbox event (sync lag: push -> durable
// ack) and the statuses of its tickets (the called one and everyone behind it moving up), as the
// office's phone-status feed does. Printed: time from the office sending the call to the called
// ticket's page receiving it, p50/p99, the same for every position update, next to the sync lag of
// the same run; central memory per open page.
import { fork } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { phoneTokenKeyFromOfficeKey, signPhoneToken } from '../../packages/server-edge/dist/index.js';
import { keyOf, officeId } from '../central-sync/bench-offices.js';

const OFFICES = Number(process.env.BENCH_OFFICES ?? 500);
const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** A busy office's desks together call someone every few seconds. */
const CALL_EVERY_MS = Number(process.env.BENCH_CALL_EVERY_MS ?? 5000);
const PER_OFFICE = Math.ceil(PAGES / OFFICES);
const TIME_ZONE = 'Europe/Moscow';
const officeDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());

const server = fork(new URL('./server.js', import.meta.url), {
  execArgv: ['--expose-gc'],
  env: { ...process.env, BENCH_OFFICES: String(OFFICES) },
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
const ask = (message) => new Promise((resolve) => { server.once('message', resolve); server.send(message); });
const { port } = await new Promise((r) => server.once('message', r));
const base = `http://127.0.0.1:${port}`;

const summary = {
  name: 'ЦОК (бенчмарк)',
  timeZone: TIME_ZONE,
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { open: '00:00', close: '23:59' }])),
  holidays: [],
  breaks: [],
  rules: { waitingStandardMinutes: 15, bookingCheckInEarlyMinutes: 15, bookingLateGraceMinutes: 10 },
  services: [{ id: 'payments', name: 'Оплата', bookable: true, slotMinutes: 15, capacityPerSlot: 2 }],
};

async function inWaves(count, wave, make) {
  const out = [];
  for (let start = 0; start < count; start += wave) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + wave); i += 1) batch.push(make(i));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

const idle = await ask('memory');
const offices = await inWaves(OFFICES, 100, (i) => new Promise((resolve, reject) => {
  const socket = io(`${base}/office`, { auth: { officeId: officeId(i), key: keyOf(i) }, transports: ['websocket'], reconnection: false, forceNew: true });
  socket.once('connect', async () => {
    const hello = await socket.emitWithAck('office:hello', { summary });
    if (!hello.ok) reject(new Error(hello.message));
    resolve(socket);
  });
  socket.once('connect_error', reject);
}));
const linked = await ask('memory');
console.log(`${OFFICES} offices linked; central ${(linked.rss / 2 ** 20).toFixed(0)} MiB RSS`);

const ticketId = (office, k) => `t_${office}_${k}`;
// One page per ticket: PER_OFFICE waiting tickets in each office, each followed by one phone.
const callLags = [];
const updateLags = [];
let measuring = false;
let pagesOpen = 0;
const connectStarted = performance.now();
const pageSockets = await inWaves(OFFICES * PER_OFFICE, 250, (n) => new Promise((resolve, reject) => {
  const office = Math.floor(n / PER_OFFICE);
  const k = n % PER_OFFICE;
  const token = signPhoneToken({ officeId: officeId(office), ticketId: ticketId(office, k), officeDay }, phoneTokenKeyFromOfficeKey(keyOf(office)));
  const socket = io(`${base}/phone`, { transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('ticket:status', (status) => {
    if (!measuring) return;
    const lag = Date.now() - status.at;
    (status.state === 'called' ? callLags : updateLags).push(lag);
  });
  socket.once('connect', async () => {
    const answer = await socket.timeout(30_000).emitWithAck('ticket:watch', { token });
    if (!answer.ok) return reject(new Error(`${answer.code}: ${answer.message}`));
    pagesOpen += 1;
    resolve(socket);
  });
  socket.once('connect_error', reject);
}));
const watching = await ask('memory');
console.log(`${pagesOpen} phone pages watching in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s; central ${(watching.rss / 2 ** 20).toFixed(0)} MiB RSS`);

let running = true;
const syncLags = [];
let calls = 0;
async function officeLoop(socket, i) {
  let round = 0;
  let seq = 0;
  await new Promise((r) => setTimeout(r, Math.random() * CALL_EVERY_MS));
  while (running) {
    round += 1;
    seq += 1;
    const at = Date.now();
    // The call: its outbox event to central's log, and the statuses phones see, sent together as
    // the office sends them (the outbox and the phone feed run side by side).
    const called = round % PER_OFFICE;
    const statuses = [];
    for (let k = 0; k < PER_OFFICE; k += 1) {
      const ahead = (k - called + PER_OFFICE) % PER_OFFICE;
      statuses.push({ ticketId: ticketId(i, k), number: `A${String(k + 1).padStart(3, '0')}`, serviceId: 'payments', officeDay, state: ahead === 0 ? 'called' : 'waiting', peopleAhead: ahead === 0 ? 0 : ahead - 1, estimatedWaitMin: ahead * 3, ...(ahead === 0 && { deskNumber: '4' }), at });
    }
    const message = {
      eventId: `e_${i}_${seq}`, officeId: officeId(i), seq,
      event: { type: 'ticket.issued', at, actor: { kind: 'kiosk', deviceId: 'k1' }, ticket: { id: `x_${i}_${seq}`, number: `B${String(seq % 1000).padStart(3, '0')}`, serviceId: 'payments', officeDay, kind: 'walk-in', issuedAt: at, queuedAt: at, status: 'waiting', recalls: 0 } },
    };
    const started = performance.now();
    const [pushed] = await Promise.all([
      socket.timeout(30_000).emitWithAck('events:push', { messages: [message] }).catch(() => ({ ok: false })),
      socket.timeout(30_000).emitWithAck('tickets:status', { statuses }).catch(() => ({ ok: false })),
    ]);
    if (measuring && pushed.ok) {
      syncLags.push(performance.now() - started);
      calls += 1;
    }
    await new Promise((r) => setTimeout(r, CALL_EVERY_MS * (0.5 + Math.random())));
  }
}

const loops = offices.map(officeLoop);
await new Promise((r) => setTimeout(r, CALL_EVERY_MS * 1.5));
await ask('memory');
// The offices and the phones share this process: its own delays are in every figure below.
const clientDelay = monitorEventLoopDelay({ resolution: 10 });
clientDelay.enable();
measuring = true;
await new Promise((r) => setTimeout(r, SECONDS * 1000));
measuring = false;
const loaded = await ask('memory');
running = false;
await Promise.all(loops);
pageSockets.forEach((s) => s.disconnect());
offices.forEach((s) => s.disconnect());
await ask('stop').catch(() => {});

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const ms = (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
console.log('');
console.log(`offices linked / phone pages open          ${OFFICES} / ${pagesOpen} (one WebSocket each)`);
console.log(`calls in ${SECONDS} s                            ${calls} (${(calls / SECONDS).toFixed(0)}/s), each moving ${PER_OFFICE} pages`);
console.log(`call -> the called page sees it  p50 / p99  ${ms(pct(callLags, 50))} / ${ms(pct(callLags, 99))} (${callLags.length} calls seen)`);
console.log(`call -> a waiting page's place   p50 / p99  ${ms(pct(updateLags, 50))} / ${ms(pct(updateLags, 99))} (${updateLags.length} updates seen)`);
console.log(`office -> central sync lag       p50 / p99  ${ms(pct(syncLags, 50))} / ${ms(pct(syncLags, 99))} (push -> durable ack, same run)`);
console.log(`event-loop delay p99 central / this client   ${ms(loaded.loopDelayP99Ms)} / ${ms(clientDelay.percentile(99) / 1e6)}`);
console.log(`central CPU while measured                  ${(loaded.cpuShare * 100).toFixed(0)} % of one core (machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
console.log(`central RSS idle / offices linked / pages open / under load  ${[idle, linked, watching, loaded].map((m) => (m.rss / 2 ** 20).toFixed(0)).join(' / ')} MiB`);
console.log(`central memory per open page                ${((watching.rss - linked.rss) / pagesOpen / 1024).toFixed(1)} KiB RSS, ${((watching.heapUsed - linked.heapUsed) / pagesOpen / 1024).toFixed(1)} KiB heap`);
process.exit(0);
