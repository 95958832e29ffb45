import type { SyncOutboxMessage } from '@talon/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresSuitesRun } from '../../testing/test-postgres.js';
import { sampleOfficeSummary } from '../../testing/office-summary.js';
import { createPostgresCentralStore } from './postgres-central-store.js';

const run = await postgresSuitesRun();

// 2026-11-24 07:00 UTC: 2026-11-20 is a closed office day.
const NOW = Date.UTC(2026, 10, 24, 7, 0);
const DAY_START = Date.UTC(2026, 10, 20, 6, 0);
const QUERY = { from: '2026-11-20', to: '2026-11-20', now: NOW };

describe.runIf(run)('PostgreSQL report roll-up on two nodes', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let nodes: Awaited<ReturnType<typeof createPostgresCentralStore>>[];
  let seq = 0;
  const issued = (n: number): SyncOutboxMessage => {
    seq += 1;
    return {
      eventId: `north-e${seq}`, officeId: 'north', seq,
      event: {
        type: 'ticket.issued', at: DAY_START + n, actor: { kind: 'kiosk', deviceId: 'k1' },
        ticket: { id: `t${n}`, number: `A${n}`, serviceId: 'payments', officeDay: '2026-11-20', kind: 'walk-in', issuedAt: DAY_START + n, queuedAt: DAY_START + n },
      },
    } as SyncOutboxMessage;
  };

  beforeEach(async () => {
    seq = 0;
    database = await createTestDatabase();
    nodes = await Promise.all([1, 2].map(() => createPostgresCentralStore({ url: database.url, poolSize: 4 })));
    await nodes[0]!.saveOfficeSummary('north', sampleOfficeSummary(), NOW);
    await nodes[0]!.ingest('north', [issued(0)], NOW);
  });
  afterEach(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await database.drop();
  });

  it('reads a closed day from its row, not from the tickets', async () => {
    expect(await nodes[0]!.reportCounts(QUERY)).toMatchObject([{ officeId: 'north', tickets: 1 }]);
    // Only the roll-up could answer this; the tickets path still reads the truth.
    await nodes[0]!.pool.query(`UPDATE report_days SET tickets = 99 WHERE office_id = 'north' AND office_day = '2026-11-20'`);
    expect(await nodes[1]!.reportCounts(QUERY)).toMatchObject([{ tickets: 99 }]);
    expect(await nodes[1]!.reportCounts({ ...QUERY, rolledUp: false })).toMatchObject([{ tickets: 1 }]);
    // Counting took the office's locks without making it look like an office with bookings.
    expect(await nodes[1]!.bookingsVersions(['north'])).toEqual(new Map());
  });

  it('never keeps a row counted before a late event that committed while it was counted', async () => {
    // One node counts the day while the other ingests late tickets for it, over and over: a count
    // that missed a ticket must never be the row that stays.
    for (let n = 1; n <= 40; n++) {
      await nodes[0]!.pool.query(`DELETE FROM report_days`);
      await Promise.all([nodes[0]!.rollUpReportDays(QUERY), nodes[1]!.ingest('north', [issued(n)], NOW)]);
      const [rolled] = await nodes[0]!.reportCounts(QUERY);
      expect(rolled?.tickets).toBe(n + 1);
    }
  });
});
