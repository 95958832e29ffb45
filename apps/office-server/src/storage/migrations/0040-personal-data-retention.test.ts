import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const planOf = (db: Database.Database, sql: string) =>
  db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((row) => (row as { detail: string }).detail)
    .join('\n');

describe('migration 0040: what personal-data retention reads by', () => {
  it('indexes a database at version 30 so a day of retention reads a day of rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 30));
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 40))).toEqual({ from: 30, to: 40 });
    expect(planOf(db, `SELECT seq FROM events WHERE type = 'ticket.issued' AND at >= 1 AND at < 2`)).toContain('events_by_type_at');
    expect(planOf(db, `SELECT id FROM tickets WHERE issued_at >= 1 AND issued_at < 2`)).toContain('tickets_by_issued_at');
    db.prepare(`INSERT INTO housekeeping (name, value) VALUES ('x', 1)`).run();
    expect(() => db.prepare(`INSERT INTO housekeeping (name, value) VALUES ('x', 2)`).run()).toThrow(/UNIQUE/);
    db.close();
  });
});
