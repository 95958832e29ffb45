import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { SyncOutboxMessage } from '@talon/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentralLogger } from '../logger.js';
import { createSqliteCentralStore } from '../storage/sqlite/sqlite-central-store.js';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, type TestCentral } from '../testing/test-central.js';
import { createPushDoor } from './push-door.js';

const issued = (n: number, officeId: string): SyncOutboxMessage => ({
  eventId: `e_${officeId}_${n}`,
  officeId,
  seq: n,
  event: {
    type: 'ticket.issued', at: 1_790_000_000_000 + n, actor: { kind: 'kiosk', deviceId: 'k1' },
    ticket: { id: `t_${officeId}_${n}`, number: `A${n}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: 1_790_000_000_000, queuedAt: 1_790_000_000_000 },
  } as SyncOutboxMessage['event'],
});

describe('the door of events:push', () => {
  let central: TestCentral | undefined;
  afterEach(async () => {
    await central?.stop();
    central = undefined;
  });

  it('answers a push unavailable at once while too many wait for the store, takes pushes again after, and logs the refusals as one line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-push-door-'));
    const sqlite = createSqliteCentralStore(join(dataDir, 'central.db'));
    // A store that has fallen behind: pushes wait until the test opens the gate.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const store = { ...sqlite, ingest: async (...args: Parameters<typeof sqlite.ingest>) => gate.then(() => sqlite.ingest(...args)) };
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) });
    central = await startTestCentral({
      dataDir, store, logger: createCentralLogger({ level: 'info', destination }),
      config: testCentralConfig((c) => (c.limits.maxPushesWaiting = 2)),
    });
    const [north, south] = await Promise.all(['north', 'south'].map((officeId) => central!.connectOffice({ officeId, key: TEST_OFFICE_KEYS[officeId] })));
    for (const office of [north!, south!]) await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() });

    const first = north!.emitWithAck('events:push', { messages: [issued(1, 'north')] });
    const second = south!.emitWithAck('events:push', { messages: [issued(1, 'south')] });
    await new Promise((r) => setTimeout(r, 100));
    // Two wait for the store: the third is refused at once, while the gate is still shut.
    expect(await north!.emitWithAck('events:push', { messages: [issued(2, 'north')] })).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await south!.emitWithAck('events:push', { messages: [issued(2, 'south')] })).toMatchObject({ ok: false, code: 'unavailable' });
    // Hellos and pulls are not shed: a relinking office still links.
    expect(await north!.emitWithAck('bookings:pull', { since: 0 })).toMatchObject({ ok: true });
    open();
    expect(await first).toEqual({ ok: true, acked: ['e_north_1'] });
    expect(await second).toEqual({ ok: true, acked: ['e_south_1'] });
    expect(await north!.emitWithAck('events:push', { messages: [issued(2, 'north')] })).toEqual({ ok: true, acked: ['e_north_2'] });

    await central.stop();
    central = undefined;
    expect(lines.filter((l) => l['msg'] === 'refused')).toEqual([expect.objectContaining({ source: 'events:push', reason: 'overloaded:pushes-waiting', count: 2 })]);
  });

  it('refuses pushes while the event loop lags past the limit, and takes them again once it has caught up', async () => {
    const door = createPushDoor(() => ({ maxPushesWaiting: 1000, maxEventLoopLagMs: 300 }));
    try {
      expect(door.refusal()).toBeUndefined();
      // The node is stuck for 1.5 s (a sync burst, a long GC): the next reading says so.
      const stuckUntil = Date.now() + 1500;
      while (Date.now() < stuckUntil);
      await new Promise((r) => setTimeout(r, 50));
      expect(door.lagMs()).toBeGreaterThan(300);
      expect(door.refusal()).toBe('event-loop-lag');
      // A quiet second later the reading is back to nothing.
      await new Promise((r) => setTimeout(r, 2100));
      expect(door.lagMs()).toBeLessThan(300);
      expect(door.refusal()).toBeUndefined();
    } finally {
      door.close();
    }
  });

  it('counts a push as waiting until the store answers, thrown or not', async () => {
    const door = createPushDoor(() => ({ maxPushesWaiting: 1, maxEventLoopLagMs: 60_000 }), { lagMs: () => 0 });
    let fail!: (error: Error) => void;
    const taken = door.take(() => new Promise((_resolve, reject) => (fail = reject)));
    expect(door.refusal()).toBe('pushes-waiting');
    fail(new Error('database gone'));
    await expect(taken).rejects.toThrow('database gone');
    expect(door.waiting()).toBe(0);
    expect(door.refusal()).toBeUndefined();
  });
});
