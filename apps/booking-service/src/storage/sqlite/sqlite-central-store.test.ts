import type { SyncOutboxMessage } from '@talon/protocol';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../../testing/office-summary.js';
import { describeCentralStore } from '../central-store.contract.js';
import { createSqliteCentralStore } from './sqlite-central-store.js';
import { CENTRAL_MIGRATIONS } from './migrations/index.js';
import { openCentralDatabase } from './open-central-database.js';

describeCentralStore('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talon-central-store-'));
  const store = createSqliteCentralStore(join(dir, 'central.db'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('migration 0100: every booking found by its code', () => {
  it("finds a counter booking an office reported before the migration, by the new index", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-central-0100-'));
    const file = join(dir, 'central.db');
    const before = openCentralDatabase(file, CENTRAL_MIGRATIONS.filter((m) => m.version < 100));
    expect(before.pragma('user_version', { simple: true })).toBe(CENTRAL_MIGRATIONS.filter((m) => m.version < 100).at(-1)!.version);
    before.prepare(`INSERT INTO bookings (id, code, office_id, service_id, slot_start, slot_minutes, office_day, status, origin, customer_name, phone, created_at, version)
      VALUES ('ob-1', '200000000001', 'north', 'contracts', 1, 30, '2026-11-24', 'booked', 'office', NULL, '+79165551234', 1, 1)`).run();
    before.close();
    const store = createSqliteCentralStore(file);
    expect(await store.bookingsByCode('200000000001')).toMatchObject([{ id: 'ob-1', origin: 'office', phone: '+79165551234' }]);
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(100);
      const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM bookings WHERE code = ? ORDER BY created_at, id`).all('200000000001'));
      expect(plan).toContain('bookings_by_code');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the central copy of an office log', () => {
  it('keeps no account number, transfer comment or name, even from an office that still sends them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-central-log-'));
    const file = join(dir, 'central.db');
    const store = createSqliteCentralStore(file);
    const T = Date.UTC(2026, 10, 24, 7, 0);
    const actor = { kind: 'kiosk', deviceId: 'k1' };
    const events = [
      { type: 'ticket.issued', at: T, actor, ticket: { id: 't1', number: 'C001', serviceId: 'meters', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T, queuedAt: T, accountNumber: '1234567890' } },
      { type: 'ticket.transferred', at: T + 1, actor, ticketId: 't1', fromDeskId: 'desk-1', toServiceId: 'payments', queuedAt: T, comment: 'спорный счёт' },
      { type: 'booking.created', at: T + 2, actor, booking: { id: 'b1', code: '123456', serviceId: 'contracts', slotStart: T + 3_600_000, slotMinutes: 30, source: 'office', customerName: 'Смирнова Анна' } },
    ];
    const messages = events.map((event, i) => ({ eventId: `e${i + 1}`, officeId: 'north', seq: i + 1, event })) as unknown as SyncOutboxMessage[];
    await store.saveOfficeSummary('north', sampleOfficeSummary(), T);
    expect(await store.ingest('north', messages, T)).toMatchObject({ acked: ['e1', 'e2', 'e3'] });
    await store.close();
    const db = new Database(file, { readonly: true });
    const log = JSON.stringify(db.prepare('SELECT body FROM office_events ORDER BY seq').all());
    db.close();
    rmSync(dir, { recursive: true, force: true });
    expect(log).toContain('C001');
    expect(log).not.toContain('1234567890');
    expect(log).not.toContain('спорный');
    expect(log).not.toContain('Смирнова');
  });
});

describe('pushes and hellos from many offices at once', () => {
  const T = Date.UTC(2026, 10, 24, 7, 0);
  const actor = { kind: 'kiosk', deviceId: 'k1' };
  const issued = (office: string, seq: number) =>
    ({
      eventId: `${office}-e${seq}`,
      officeId: office,
      seq,
      event: { type: 'ticket.issued', at: T, actor, ticket: { id: `${office}-t${seq}`, number: `A${seq}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T, queuedAt: T } },
    }) as unknown as SyncOutboxMessage;
  const offices = Array.from({ length: 10 }, (_, i) => `office-${i}`);

  /** Frames written to the WAL since `reset` (each commit writes its changed pages and a commit frame). */
  const walFrames = (file: string, reset: boolean) => {
    const db = new Database(file);
    try {
      const [row] = db.pragma(reset ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)') as { log: number }[];
      return row!.log;
    } finally {
      db.close();
    }
  };

  it('share one commit when they arrive in the same tick, where one by one each pays its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-central-group-'));
    const file = join(dir, 'central.db');
    const store = createSqliteCentralStore(file);
    for (const office of offices) await store.saveOfficeSummary(office, sampleOfficeSummary(), T);

    walFrames(file, true);
    for (const office of offices) await store.ingest(office, [issued(office, 1)], T);
    const oneByOne = walFrames(file, false);

    walFrames(file, true);
    const answers = await Promise.all(offices.map((office) => store.ingest(office, [issued(office, 2)], T)));
    const sameTick = walFrames(file, false);

    expect(answers.map((a) => a.acked)).toEqual(offices.map((office) => [`${office}-e2`]));
    for (const office of offices) expect(await store.eventCount(office)).toBe(2);
    expect(sameTick * 3).toBeLessThan(oneByOne);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('share one commit for the hellos of offices relinking at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-central-group-'));
    const file = join(dir, 'central.db');
    const store = createSqliteCentralStore(file);
    walFrames(file, true);
    for (const office of offices) await store.saveOfficeSummary(office, sampleOfficeSummary(), T);
    const oneByOne = walFrames(file, false);
    walFrames(file, true);
    await Promise.all(offices.map((office) => store.saveOfficeSummary(office, { ...sampleOfficeSummary(), name: `${office} после перезапуска` }, T + 1)));
    const sameTick = walFrames(file, false);

    expect([...(await store.officeSummaries()).values()].map((summary) => summary.name)).toEqual(offices.map((office) => `${office} после перезапуска`));
    expect(sameTick * 3).toBeLessThan(oneByOne);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a push that fails on its own, and keeps the others of its commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-central-group-'));
    const store = createSqliteCentralStore(join(dir, 'central.db'));
    for (const office of offices) await store.saveOfficeSummary(office, sampleOfficeSummary(), T);
    // An event type central does not know makes the projection throw after the event row is written.
    const broken = { ...issued('office-3', 1), event: { type: 'ticket.vanished', at: T, actor } } as unknown as SyncOutboxMessage;
    const answers = await Promise.allSettled(offices.map((office) => store.ingest(office, [office === 'office-3' ? broken : issued(office, 1)], T)));

    expect(answers.map((a) => a.status)).toEqual(offices.map((office) => (office === 'office-3' ? 'rejected' : 'fulfilled')));
    expect(await store.eventCount('office-3')).toBe(0);
    for (const office of offices.filter((o) => o !== 'office-3')) expect(await store.eventCount(office)).toBe(1);
    // The refused office sends again and is taken from where it was.
    expect(await store.ingest('office-3', [issued('office-3', 1)], T)).toMatchObject({ acked: ['office-3-e1'] });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
