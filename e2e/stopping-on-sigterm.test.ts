import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket as TcpSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { centralServicesPresent, startPrivatePostgres } from './support/central-services.js';

/**
 * A service manager sends SIGTERM and kills after its timeout (systemd: 90 s, often set lower);
 * both servers must be gone within 5 s whatever their clients do, as real processes, not as an
 * in-process close() a test awaits.
 */
const OFFICE_MAIN = resolve(import.meta.dirname, '../apps/office-server/dist/main.js');
const CENTRAL_MAIN = resolve(import.meta.dirname, '../apps/booking-service/dist/main.js');
const DEMO_OFFICE_CONFIG = resolve(import.meta.dirname, '../apps/office-server/config/demo-office.json');

/** Starts a built server as a real process and answers its port once it logs that it listens. */
async function startBuilt(main: string, dataDir: string, listening: string, args: string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [main, '--demo', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stderr!.resume();
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /"port":(\d+)/.exec(line);
      if (match && line.includes(listening)) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, port };
}

/** Sends SIGTERM and answers how long the process took to exit (or the cap, if it did not). */
async function msToStop(child: ChildProcess, capMs = 10_000): Promise<number> {
  const started = Date.now();
  const gone = new Promise<void>((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r())));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, capMs)))]);
  clearTimeout(timer);
  return Date.now() - started;
}

function connected(url: string, auth: Record<string, string>): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return new Promise((resolveSocket, reject) => {
    socket.once('connect', () => resolveSocket(socket));
    socket.once('connect_error', reject);
  });
}

/** A client that sent half a request header line and then nothing: Node's headersTimeout is off once a close begins. */
function halfHeaderLine(port: number): Promise<TcpSocket> {
  return new Promise((resolveSocket) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: wa');
      resolveSocket(socket);
    });
    socket.on('error', () => {});
    tcpSockets.push(socket);
  });
}

const children: ChildProcess[] = [];
const sockets: Socket[] = [];
const tcpSockets: TcpSocket[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const socket of tcpSockets.splice(0)) socket.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

describe.skipIf(!existsSync(CENTRAL_MAIN))('central on SIGTERM', () => {
  it('exits within 5 s though a client sent half a header line and a linked office holds its socket', async () => {
    const dataDir = tempDir('talon-central-stop-');
    const { child, port } = await startBuilt(CENTRAL_MAIN, dataDir, 'central service listening');
    await connected(`http://127.0.0.1:${port}/office`, { officeId: 'demo-office', key: 'demo-office-key-0001' });
    await halfHeaderLine(port);
    await new Promise((r) => setTimeout(r, 300));
    const ms = await msToStop(child);
    expect(ms).toBeLessThan(5000);
    // A clean stop, not the hard exit: the SQLite file was closed in the budget.
    expect(child.exitCode).toBe(0);
  });
});

describe.runIf(existsSync(CENTRAL_MAIN) && centralServicesPresent)('central on PostgreSQL on SIGTERM', () => {
  it('ends its pool within the 5 s and exits cleanly, with a half-header client and a linked office', async () => {
    const postgres = await startPrivatePostgres();
    try {
      const { child, port } = await startBuilt(CENTRAL_MAIN, tempDir('talon-central-stop-pg-'), 'central service listening', ['--database-url', postgres.url]);
      await connected(`http://127.0.0.1:${port}/office`, { officeId: 'demo-office', key: 'demo-office-key-0001' });
      await halfHeaderLine(port);
      await new Promise((r) => setTimeout(r, 300));
      expect(await msToStop(child)).toBeLessThan(5000);
      expect(child.exitCode).toBe(0);
    } finally {
      postgres.stop();
    }
  });
});

describe.skipIf(!existsSync(OFFICE_MAIN))('the office server on SIGTERM', () => {
  it('exits within 5 s with 100 print jobs queued on a printer that never answers, each reported as not printed', async () => {
    const dataDir = tempDir('talon-office-stop-');
    // The demo office, with kiosk 1's printer on an agent this test plays: it takes jobs and never answers.
    const config = JSON.parse(readFileSync(DEMO_OFFICE_CONFIG, 'utf8')) as { printers: unknown[] };
    config.printers = [{ id: 'printer-kiosk-1', kioskId: 'kiosk-1', agentId: 'agent-2', uri: `file:${join(dataDir, 'tickets.bin')}`, profile: 'generic-80mm' }];
    writeFileSync(join(dataDir, 'office.json'), JSON.stringify(config));
    const { child, port } = await startBuilt(OFFICE_MAIN, dataDir, 'office server listening');
    const agent = await connected(`http://127.0.0.1:${port}/device`, { token: 'demo-agent-2' });
    await agent.timeout(5000).emitWithAck('device:hello', { agentVersion: 'test', printers: [{ printerId: 'printer-kiosk-1', status: 'ok' }], buttons: [] });
    let jobs = 0;
    agent.on('print:job', () => (jobs += 1));
    // Ten kiosk connections issuing ten each: one connection's bucket allows far fewer at once.
    const kiosks = await Promise.all(Array.from({ length: 10 }, () => connected(`http://127.0.0.1:${port}/kiosk`, { token: 'demo-kiosk-1' })));
    // Every connection of the kiosk hears each result; one per ticket is kept.
    const results = new Map<string, boolean>();
    for (const kiosk of kiosks) kiosk.on('print:result', (r: { ticketId: string; printed: boolean }) => results.set(r.ticketId, r.printed));
    const issued: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      for (const kiosk of kiosks) {
        const ack = (await kiosk.timeout(5000).emitWithAck('ticket:issue', { serviceId: 'payments' })) as { ok: boolean; print: string; ticket: { id: string } };
        expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true, print: 'queued' });
        issued.push(ack.ticket.id);
      }
    }
    await halfHeaderLine(port);
    await expect.poll(() => jobs).toBeGreaterThan(0);
    const ms = await msToStop(child);
    expect(ms).toBeLessThan(5000);
    expect([...results.keys()].sort()).toEqual(issued.sort());
    expect([...results.values()].every((printed) => !printed)).toBe(true);
  });
});
