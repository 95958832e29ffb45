import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0190: places taken from home', () => {
  it('keeps old tickets as they were and lets one request key hold one ticket only', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 190));
    const insert = db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status)
      VALUES (?, ?, 'payments', '2026-11-24', 'walk-in', 1, 1, 'waiting')`);
    insert.run('t1', 'A001');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 190));
    expect(db.prepare(`SELECT remote_request_key AS key, arrived_at AS arrivedAt FROM tickets WHERE id = 't1'`).get()).toEqual({ key: null, arrivedAt: null });
    const remote = db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status, remote_request_key)
      VALUES (?, ?, 'payments', '2026-11-24', 'walk-in', 2, 2, 'waiting', ?)`);
    remote.run('t2', 'A002', 'key-0123456789abcdef');
    remote.run('t3', 'A003', null);
    remote.run('t4', 'A004', null);
    expect(() => remote.run('t5', 'A005', 'key-0123456789abcdef')).toThrow(/UNIQUE/);
    db.close();
  });
});
