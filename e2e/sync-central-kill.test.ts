import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { testCentralConfig, TEST_OFFICE_KEYS } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';

const CENTRAL_MAIN = resolve(import.meta.dirname, '../apps/booking-service/dist/main.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** The built central service as a real process on a fixed port, so the office finds it again after a kill. */
async function startCentral(dataDir: string, port: number): Promise<ChildProcess> {
  // --demo: the test config links the demo office with the demo's public key, which a real central refuses.
  const child = spawn(process.execPath, [CENTRAL_MAIN, '--demo', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir], {
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error('central did not start in 20 s')), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('central service listening')) {
        clearTimeout(timer);
        resolveStart();
      }
    });
    child.once('exit', (code) => reject(new Error(`central exited with ${code}`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode ? r(undefined) : child.once('exit', r)));

function centralEvents(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'central.db'), { readonly: true });
  try {
    return db.prepare(`SELECT event_id FROM office_events WHERE office_id = 'demo-office' ORDER BY event_id`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe.skipIf(!existsSync(CENTRAL_MAIN))('killing the central service in the middle of a catch-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-central-kill-'));
  let office: TestOffice | undefined;
  let central: ChildProcess | undefined;
  afterAll(async () => {
    await office?.stop();
    central?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged event and holds none twice after SIGKILLs, and the office catches up', async () => {
    writeFileSync(join(dataDir, 'central.json'), JSON.stringify(testCentralConfig()));
    const port = await freePort();
    // The office works a morning before central is there at all: a backlog of several batches.
    office = await startTestOffice({
      clock: manualClock(Date.UTC(2026, 10, 24, 6, 0)),
      central: { centralUrl: `http://127.0.0.1:${port}`, officeKey: TEST_OFFICE_KEYS['demo-office']!, retryMs: 200, batchSize: 40 },
    });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    for (let i = 0; i < 400; i += 1) await command(kiosk, 'ticket:issue', { serviceId: i % 2 ? 'payments' : 'contracts' });
    const total = office.app.sync!.status().unsent;
    expect(total).toBeGreaterThanOrEqual(400);

    let killedMidway = 0;
    for (let round = 0; round < 3; round += 1) {
      central = await startCentral(dataDir, port);
      const until = Date.now() + 20_000;
      while (centralEvents(dataDir).length <= round * 40 && Date.now() < until) await new Promise((r) => setTimeout(r, 2));
      central.kill('SIGKILL');
      await exited(central);
      const held = centralEvents(dataDir);
      if (held.length < total) killedMidway += 1;
      expect(new Set(held).size).toBe(held.length);
    }
    expect(killedMidway).toBeGreaterThan(0);

    central = await startCentral(dataDir, port);
    const until = Date.now() + 30_000;
    while (office.app.sync!.status().unsent > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    expect(office.app.sync!.status().unsent).toBe(0);
    const officeEvents = office.app.context.db.prepare('SELECT id FROM events ORDER BY id').pluck().all();
    expect(centralEvents(dataDir)).toEqual(officeEvents);
  });
});
