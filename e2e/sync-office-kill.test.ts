import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy } from '../apps/booking-service/src/testing/link-proxy.js';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';

const MAIN = resolve(import.meta.dirname, '../apps/office-server/dist/main.js');

async function startOffice(dataDir: string, centralUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [MAIN, '--demo', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    env: { ...process.env, LOG_LEVEL: 'info', TALON_CENTRAL_URL: centralUrl, TALON_OFFICE_KEY: TEST_OFFICE_KEYS['demo-office'] },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error('office did not start in 20 s')), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /"port":(\d+).*office server listening/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`office exited with ${code}`)));
  });
  return { child, port };
}

function kiosk(port: number): Promise<Socket> {
  const socket = io(`http://127.0.0.1:${port}/kiosk`, { auth: { token: 'demo-kiosk-1' }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolveSocket, reject) => {
    socket.once('connect', () => resolveSocket(socket));
    socket.once('connect_error', reject);
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode ? r(undefined) : child.once('exit', r)));

function officeEvents(dataDir: string): { events: string[]; unsent: number } {
  const db = new Database(join(dataDir, 'talon.db'), { readonly: true });
  try {
    return {
      events: db.prepare('SELECT id FROM events ORDER BY id').pluck().all() as string[],
      unsent: db.prepare('SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

function officeEventCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'talon.db'), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
}

function centralEvents(central: TestCentral): string[] {
  const db = new Database(join(central.dataDir, 'central.db'), { readonly: true });
  try {
    return db.prepare(`SELECT event_id FROM office_events WHERE office_id = 'demo-office' ORDER BY event_id`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe.skipIf(!existsSync(MAIN))('killing a linked office server in the middle of a sync', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-sync-kill-'));
  let central: TestCentral;
  let proxy: LinkProxy;
  afterAll(async () => {
    await proxy?.close();
    await central?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes after each SIGKILL and ends with every event central-side exactly once', async () => {
    central = await startTestCentral();
    proxy = await startLinkProxy(central.port);
    proxy.down();

    /**
     * Kiosks issuing as fast as the office lets them, until the process dies under them: killed
     * once `enough()` says so, however long a busy machine takes to get there.
     */
    const pumpUntilKilled = async (port: number, child: ChildProcess, enough: () => boolean) => {
      const sockets = await Promise.all(Array.from({ length: 16 }, () => kiosk(port)));
      const pumps = sockets.map(async (socket) => {
        for (;;) {
          const answer = await socket.timeout(3000).emitWithAck('ticket:issue', { serviceId: 'payments' }).catch(() => undefined);
          if (!answer) return;
        }
      });
      const deadline = Date.now() + 30_000;
      while (!enough() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGKILL');
      sockets.forEach((s) => s.disconnect());
      await Promise.all(pumps);
      await exited(child);
    };

    // A morning offline builds a backlog; the office dies once on its own.
    const first = await startOffice(dataDir, proxy.url);
    await pumpUntilKilled(first.port, first.child, () => officeEvents(dataDir).unsent > 400);
    const backlog = officeEvents(dataDir);
    expect(backlog.unsent).toBeGreaterThan(300);

    // The line comes back and the office is killed while its first batches are in flight.
    proxy.up();
    const second = await startOffice(dataDir, proxy.url);
    const firstHeard = Date.now() + 20_000;
    while (centralEvents(central).length === 0 && Date.now() < firstHeard) await new Promise((r) => setTimeout(r, 2));
    second.child.kill('SIGKILL');
    await exited(second.child);
    const heardAtKill = centralEvents(central).length;
    expect(heardAtKill).toBeGreaterThan(0);
    expect(heardAtKill).toBeLessThan(backlog.events.length);

    // Once more with tickets flowing and the sync running at the same time.
    const third = await startOffice(dataDir, proxy.url);
    const beforeThird = officeEventCount(dataDir);
    await pumpUntilKilled(third.port, third.child, () => officeEventCount(dataDir) >= beforeThird + 100);

    const { child } = await startOffice(dataDir, proxy.url);
    const until = Date.now() + 30_000;
    while (officeEvents(dataDir).unsent > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    await exited(child);

    const office = officeEvents(dataDir);
    expect(office.unsent).toBe(0);
    expect(office.events.length).toBeGreaterThan(50);
    expect(centralEvents(central)).toEqual(office.events);
    expect(await central.service.store.eventCount('demo-office')).toBe(office.events.length);
  });
});
