import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../../apps/office-server/dist/main.js');

/** Starts the built server as a real process and waits for its "listening" log line. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [MAIN, '--demo', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 20 s')), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /"port":(\d+).*office server listening/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, port };
}

function kiosk(port: number): Promise<Socket> {
  const socket = io(`http://127.0.0.1:${port}/kiosk`, { auth: { token: 'demo-kiosk-1' }, transports: ['websocket'], reconnection: false });
  return new Promise((resolveSocket, reject) => {
    socket.once('connect', () => resolveSocket(socket));
    socket.once('connect_error', reject);
  });
}

describe.skipIf(!existsSync(MAIN))('killing the office server at any moment', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged ticket and leaves none half-written, over several SIGKILLs', async () => {
    const acked = new Map<string, string>();
    for (let round = 0; round < 3; round += 1) {
      const { child, port } = await startServer(dataDir);
      const socket = await kiosk(port);
      // Eight kiosks' worth of requests in flight when the power goes.
      const pump = async () => {
        for (;;) {
          const answer = (await socket.timeout(5000).emitWithAck('ticket:issue', { serviceId: 'payments' }).catch(() => undefined)) as
            | { ok: boolean; ticket?: { id: string; number: string } }
            | undefined;
          if (!answer) return;
          if (answer.ok && answer.ticket) acked.set(answer.ticket.id, answer.ticket.number);
        }
      };
      const pumps = Array.from({ length: 8 }, pump);
      // Killed at a different moment each round, and never before this round has had tickets
      // acked, however slowly a busy machine issues them.
      const started = Date.now();
      const ackedBefore = acked.size;
      const due = () => Date.now() - started >= 300 + round * 200 && acked.size >= ackedBefore + 10;
      while (!due() && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 10));
      child.kill('SIGKILL');
      socket.disconnect();
      await Promise.all(pumps);
      await new Promise((r) => child.exitCode !== null || child.signalCode ? r(undefined) : child.once('exit', r));
    }
    expect(acked.size).toBeGreaterThan(20);

    const db = new Database(join(dataDir, 'talon.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const tickets = new Map(db.prepare('SELECT id, number FROM tickets').all().map((r: any) => [r.id, r.number]));
    for (const [id, number] of acked) expect(tickets.get(id), `acked ticket ${number}`).toBe(number);
    // Every ticket row has its event and its outbox row, and nothing else exists without them.
    const issuedEvents = db.prepare(`SELECT COUNT(*) FROM events WHERE type = 'ticket.issued'`).pluck().get();
    expect(issuedEvents).toBe(tickets.size);
    expect(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(db.prepare('SELECT COUNT(*) FROM events').pluck().get());
    const numbers = [...tickets.values()].map((n) => Number(n.slice(1))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    db.close();

    // And the office opens again where it stopped.
    const { child, port } = await startServer(dataDir);
    const socket = await kiosk(port);
    const next = (await socket.emitWithAck('ticket:issue', { serviceId: 'payments' })) as { ticket: { number: string } };
    expect(Number(next.ticket.number.slice(1))).toBe(numbers.length + 1);
    socket.disconnect();
    child.kill('SIGTERM');
  }, 120_000);
});
