import type { SyncOutboxMessage } from '@talon/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresSuitesRun } from '../../testing/test-postgres.js';
import { sampleOfficeSummary } from '../../testing/office-summary.js';
import { describeCentralStore } from '../central-store.contract.js';
import type { CentralStore } from '../central-store.js';
import { createPostgresCentralStore } from './postgres-central-store.js';

// Off CI a developer's machine without PostgreSQL skips this file; under CI=true it must run.
const run = await postgresSuitesRun();
if (!run) console.warn('PostgreSQL is not running on 127.0.0.1:5432: the PostgreSQL CentralStore tests are skipped (they run under CI=true)');

describe.runIf(run)('PostgreSQL store', () => {
  describeCentralStore('PostgreSQL', async () => {
    const database = await createTestDatabase();
    const store = await createPostgresCentralStore({ url: database.url, poolSize: 4 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await database.drop();
      },
    };
  });

  describe('two nodes on one database', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let nodes: CentralStore[];
    const T = Date.UTC(2026, 10, 24, 7, 0);
    beforeAll(async () => {
      database = await createTestDatabase();
      // Both start at once, as two nodes do after a deploy: the migration runs once.
      nodes = await Promise.all([1, 2].map(() => createPostgresCentralStore({ url: database.url, poolSize: 10 })));
      await nodes[0]!.saveOfficeSummary('north', sampleOfficeSummary(), T);
    });
    afterAll(async () => {
      await Promise.all(nodes.map((n) => n.close()));
      await database.drop();
    });

    it('gives the last place of a slot to exactly one of 2 x 100 visitors booking at once', async () => {
      const attempts = Array.from({ length: 200 }, (_, i) =>
        nodes[i % 2]!.createBooking({
          id: `cb-race-${i}`, code: String(20_000_000 + i), officeId: 'north', serviceId: 'contracts', slotStart: T + 3_600_000, slotMinutes: 30,
          capacity: 1, customerName: 'Иванова Мария', phone: `+7916000${String(i).padStart(4, '0')}`, at: T,
        }),
      );
      const outcomes = await Promise.all(attempts);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok && o.reason === 'slot-full')).toHaveLength(199);
      expect(await nodes[1]!.bookedPerSlot('north', 'contracts', T, T + 86_400_000)).toEqual(new Map([[T + 3_600_000, 1]]));
    });

    it('shows an office its booking versions without a gap while two nodes write at once', async () => {
      const { version: before } = await nodes[0]!.bookingChangesSince('north', 0, 1_000);
      const seen: number[] = [];
      let since = before;
      let writing = true;
      const readOnce = async () => {
        const { changes } = await nodes[1]!.bookingChangesSince('north', since, 100);
        for (const c of changes) seen.push(c.version);
        since = changes.at(-1)?.version ?? since;
        return changes.length;
      };
      const reader = (async () => {
        while (writing) await readOnce();
        // A read begun before the last commit may miss it; the office's next pull takes the rest.
        while ((await readOnce()) > 0);
      })();
      await Promise.all(Array.from({ length: 60 }, (_, i) =>
        nodes[i % 2]!.createBooking({
          id: `cb-order-${i}`, code: String(30_000_000 + i), officeId: 'north', serviceId: 'contracts', slotStart: T + (10 + i) * 3_600_000,
          slotMinutes: 30, capacity: 1, customerName: 'Петров Пётр', phone: '+79160000000', at: T,
        }),
      ));
      writing = false;
      await reader;
      expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => before + i + 1));
    });

    it("holds an office's events once, without a gap, when its pushes reach both nodes at once", async () => {
      // A reconnect through the balancer can leave an office's old push running on one node while
      // its new link pushes the same outbox to the other; the first push also makes the office's row.
      const actor = { kind: 'kiosk', deviceId: 'k1' };
      const issued = (seq: number) =>
        ({
          eventId: `west-e${seq}`, officeId: 'west', seq,
          event: { type: 'ticket.issued', at: T, actor, ticket: { id: `west-t${seq}`, number: `A${seq}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T, queuedAt: T } },
        }) as unknown as SyncOutboxMessage;
      const log = Array.from({ length: 200 }, (_, i) => issued(i + 1));
      // Each round the outbox has grown by 10; both nodes get overlapping pushes of it at once.
      for (let end = 10; end <= 200; end += 10) {
        await Promise.all([log.slice(0, end), log.slice(0, end - 5), log.slice(0, end), log.slice(0, end - 3)].map((batch, i) => nodes[i % 2]!.ingest('west', batch, T)));
        // Held without a gap up to `end`: the next event is taken on either node, not answered with a resend.
        expect(await nodes[(end / 10) % 2]!.ingest('west', [issued(end + 1)], T)).toEqual({ acked: [`west-e${end + 1}`], bookingsChanged: false });
      }
      expect(await nodes[0]!.eventCount('west')).toBe(201);
      expect(await nodes[1]!.ingest('west', log, T)).toEqual({ acked: log.map((m) => m.eventId), bookingsChanged: false });
    });
  });
});
