import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0150: quality day counts', () => {
  it('keeps tickets from before it and reads low ratings by their own index', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 150));
    db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status, rating)
      VALUES ('t1', 'A001', 'meters', '2026-11-01', 'walk-in', 1, 1, 'done', 2)`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 150));
    expect(db.prepare(`SELECT count(*) AS n FROM quality_days`).get()).toEqual({ n: 0 });
    const sql = `SELECT id FROM tickets WHERE office_day >= '2026-11-01' AND office_day <= '2026-11-30' AND rating <= 2`;
    expect(db.prepare(sql).all()).toEqual([{ id: 't1' }]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('tickets_low_ratings');
    db.close();
  });
});
