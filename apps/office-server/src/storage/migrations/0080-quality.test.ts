import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0080: quality read model', () => {
  it('keeps tickets from before it, with no first service and no key, and clears keys by an index', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 80));
    db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status)
      VALUES ('t1', 'A001', 'meters', '2026-11-01', 'walk-in', 1, 1, 'done')`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 80));
    expect(db.prepare(`SELECT first_service_id AS f, account_key AS k FROM tickets`).get()).toEqual({ f: null, k: null });
    const plan = db.prepare(`EXPLAIN QUERY PLAN UPDATE tickets SET account_key = NULL WHERE account_key IS NOT NULL AND issued_at < 5`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('tickets_with_account_key');
    db.close();
  });
});
