// bench/central-sync: thousands of offices linked to one central service on loopback, each pushing
// its outbox as its queue moves. Prints sync lag (event committed at the office -> acked by central,
// durable in central's SQLite) p50/p99 and central memory per office connection.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { keyOf, officeId } from './bench-offices.js';

const OFFICES = Number(process.env.BENCH_OFFICES ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** A busy office makes an event every few seconds (issue, call, start, finish, rate). */
const EVENT_EVERY_MS = Number(process.env.BENCH_EVENT_EVERY_MS ?? 4000);


const server = fork(new URL('./server.js', import.meta.url), {
  execArgv: ['--expose-gc'],
  env: { ...process.env, BENCH_OFFICES: String(OFFICES) },
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
const ask = (message) => new Promise((resolve) => { server.once('message', resolve); server.send(message); });
const { port } = await new Promise((r) => server.once('message', r));
const url = `http://127.0.0.1:${port}/office`;

const summary = {
  name: 'ЦОК (бенчмарк)',
  timeZone: 'Europe/Moscow',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { open: '08:00', close: '20:00' }])),
  holidays: [],
  breaks: [],
  rules: { waitingStandardMinutes: 15, bookingCheckInEarlyMinutes: 15, bookingLateGraceMinutes: 10 },
  services: [{ id: 'payments', name: 'Оплата', bookable: true, slotMinutes: 15, capacityPerSlot: 2 }],
};

const baseline = await ask('memory');
console.log(`central idle: ${(baseline.rss / 2 ** 20).toFixed(0)} MiB RSS, ${(baseline.heapUsed / 2 ** 20).toFixed(1)} MiB heap`);

// Connect in waves, as offices come back after a central restart would.
const sockets = [];
const connectStarted = performance.now();
for (let wave = 0; wave < OFFICES; wave += 100) {
  const batch = [];
  for (let i = wave; i < Math.min(OFFICES, wave + 100); i += 1) {
    batch.push(
      new Promise((resolve, reject) => {
        const socket = io(url, { auth: { officeId: officeId(i), key: keyOf(i) }, transports: ['websocket'], reconnection: false, forceNew: true });
        socket.once('connect', async () => {
          const hello = await socket.emitWithAck('office:hello', { summary });
          if (!hello.ok) reject(new Error(hello.message));
          resolve(socket);
        });
        socket.once('connect_error', reject);
      }),
    );
  }
  sockets.push(...(await Promise.all(batch)));
}
const connectSeconds = (performance.now() - connectStarted) / 1000;
const connected = await ask('memory');
console.log(`${OFFICES} offices linked in ${connectSeconds.toFixed(1)} s`);

let running = true;
let measuring = false;
const lags = [];
let pushed = 0;
let refused = 0;

async function officeLoop(socket, i) {
  let seq = 0;
  // Spread the offices over the interval so they do not all push in the same tick.
  await new Promise((r) => setTimeout(r, Math.random() * EVENT_EVERY_MS));
  while (running) {
    seq += 1;
    const at = Date.now();
    const started = performance.now();
    const message = {
      eventId: `e_${i}_${seq}`,
      officeId: officeId(i),
      seq,
      event: { type: 'ticket.issued', at, actor: { kind: 'kiosk', deviceId: 'k1' }, ticket: { id: `t_${i}_${seq}`, number: `A${String(seq % 1000).padStart(3, '0')}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: at, queuedAt: at, status: 'waiting', recalls: 0 } },
    };
    const answer = await socket.timeout(30_000).emitWithAck('events:push', { messages: [message] }).catch(() => ({ ok: false }));
    if (measuring) {
      if (answer.ok) {
        lags.push(performance.now() - started);
        pushed += 1;
      } else refused += 1;
    }
    await new Promise((r) => setTimeout(r, EVENT_EVERY_MS * (0.5 + Math.random())));
  }
}

const loops = sockets.map(officeLoop);
await new Promise((r) => setTimeout(r, Math.min(5000, EVENT_EVERY_MS * 1.5)));
measuring = true;
await new Promise((r) => setTimeout(r, SECONDS * 1000));
measuring = false;
const loaded = await ask('memory');
running = false;
await Promise.all(loops);
sockets.forEach((s) => s.disconnect());
await ask('stop').catch(() => {});

lags.sort((a, b) => a - b);
const pct = (p) => (lags.length ? lags[Math.min(lags.length - 1, Math.floor((p / 100) * lags.length))] : NaN);
const perConnection = (connected.rss - baseline.rss) / OFFICES;
const heapPerConnection = (connected.heapUsed - baseline.heapUsed) / OFFICES;
console.log('');
console.log(`offices linked at once          ${OFFICES}`);
console.log(`events acked (durable)          ${pushed} in ${SECONDS} s = ${(pushed / SECONDS).toFixed(0)}/s, refused or timed out ${refused}`);
console.log(`sync lag p50 / p99              ${pct(50).toFixed(1)} ms / ${pct(99).toFixed(1)} ms`);
console.log(`central memory idle / linked / under load  ${(baseline.rss / 2 ** 20).toFixed(0)} / ${(connected.rss / 2 ** 20).toFixed(0)} / ${(loaded.rss / 2 ** 20).toFixed(0)} MiB RSS`);
console.log(`memory per office connection    ${(perConnection / 1024).toFixed(1)} KiB RSS, ${(heapPerConnection / 1024).toFixed(1)} KiB heap`);
process.exit(0);
