import type { SyncOutboxMessage } from '@talon/protocol';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../../testing/office-summary.js';
import { createTestDatabase, postgresSuitesRun } from '../../testing/test-postgres.js';
import { createSqliteCentralStore } from '../sqlite/sqlite-central-store.js';
import { copySqliteCentralToPostgres } from './copy-sqlite-to-postgres.js';
import { createPostgresCentralStore } from './postgres-central-store.js';

const run = await postgresSuitesRun();
if (!run) console.warn('PostgreSQL is not running on 127.0.0.1:5432: the migrate-central tests are skipped (they run under CI=true)');

const T = Date.UTC(2026, 10, 24, 7, 0);

describe.runIf(run)('migrate-central: a SQLite central moved to PostgreSQL', () => {
  it('copies everything, keeps each office booking version, refuses a second run into the same database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-migrate-central-'));
    const file = join(dir, 'central.db');
    const database = await createTestDatabase();
    try {
      const sqlite = createSqliteCentralStore(file);
      for (const officeId of ['north', 'south']) {
        await sqlite.saveOfficeSummary(officeId, sampleOfficeSummary(), T);
        const events = Array.from({ length: 300 }, (_, i) => ({
          eventId: `${officeId}-e${i + 1}`, officeId, seq: i + 1,
          event: i % 2 === 0
            ? { type: 'ticket.issued', at: T + i, actor: { kind: 'kiosk', deviceId: 'k1' }, ticket: { id: `${officeId}-t${i}`, number: `A${i}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T + i, queuedAt: T + i } }
            : { type: 'ticket.rated', at: T + i, actor: { kind: 'device', deviceId: 'r1' }, ticketId: `${officeId}-t${i - 1}`, value: 5 },
        })) as unknown as SyncOutboxMessage[];
        await sqlite.ingest(officeId, events, T);
      }
      for (let n = 0; n < 5; n++) {
        await sqlite.createBooking({ id: `cb-${n}`, code: String(40_000_000 + n), officeId: n % 2 ? 'north' : 'south', serviceId: 'contracts', slotStart: T + (n + 1) * 3_600_000, slotMinutes: 30, capacity: 1, customerName: 'Иванова Мария', phone: '+79161234567', at: T });
      }
      await sqlite.cancelBooking('cb-3', T);
      const before = { report: await sqlite.reportCounts({ from: '2026-11-01', to: '2026-11-30', now: T }), north: await sqlite.bookingChangesSince('north', 0, 100), south: await sqlite.bookingsVersion('south') };
      await sqlite.close();

      // The command an installer runs, built (dist) as it ships.
      const cli = join(import.meta.dirname, '../../../dist/migrate-central-cli.js');
      const { stdout } = await promisify(execFile)(process.execPath, [cli, '--from', file, '--to', database.url]);
      expect(stdout).toMatch(/office_events\s+600 ->\s+600/);
      expect(stdout).toContain('counts match');

      const pg = await createPostgresCentralStore({ url: database.url, poolSize: 2 });
      try {
        expect(await pg.eventCount('north')).toBe(300);
        expect(await pg.reportCounts({ from: '2026-11-01', to: '2026-11-30', now: T })).toEqual(before.report);
        expect(await pg.bookingChangesSince('north', 0, 100)).toEqual(before.north);
        expect(await pg.bookingsVersion('south')).toBe(before.south);
        // The next booking version continues past what offices already hold.
        const next = await pg.createBooking({ id: 'cb-next', code: '40000099', officeId: 'north', serviceId: 'contracts', slotStart: T + 20 * 3_600_000, slotMinutes: 30, capacity: 1, customerName: 'Петров Пётр', phone: '+79160000000', at: T });
        expect(next.ok && next.booking.version).toBeGreaterThan(before.north.version);
        expect(await pg.ingest('north', [{ eventId: 'north-e1', officeId: 'north', seq: 1, event: { type: 'desk.opened', at: T } } as unknown as SyncOutboxMessage], T)).toMatchObject({ acked: ['north-e1'] });
        expect(await pg.eventCount('north')).toBe(300);
      } finally {
        await pg.close();
      }
      await expect(copySqliteCentralToPostgres(file, database.url)).rejects.toThrow(/already holds/);
    } finally {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
