import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0170: the desk a ticket was last called to', () => {
  it('copies the desk of called tickets and leaves the others without one', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 170));
    const insert = db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status, desk_id, called_at)
      VALUES (?, ?, 'meters', '2026-11-01', 'walk-in', 1, 1, ?, ?, ?)`);
    insert.run('t1', 'C001', 'done', 'desk-2', 5);
    insert.run('t2', 'C002', 'waiting', null, null);
    insert.run('t3', 'C003', 'waiting', null, 7);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 170));
    expect(db.prepare(`SELECT id, called_desk_id AS desk FROM tickets ORDER BY id`).all()).toEqual([
      { id: 't1', desk: 'desk-2' },
      { id: 't2', desk: null },
      { id: 't3', desk: null },
    ]);
    db.close();
  });
});
