import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0110: what each visitor was told', () => {
  it('keeps a told wait per ticket, one only, and finds the recent ones by issue time', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 110));
    db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status)
      VALUES ('t1', 'A001', 'meters', '2026-11-01', 'walk-in', 1, 1, 'waiting')`).run();
    const told = db.prepare(`INSERT INTO wait_told VALUES ('t1', '2026-11-01', 1, 12, 8, 17, 11.5)`);
    told.run();
    expect(() => told.run()).toThrow(/UNIQUE|PRIMARY/);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM wait_told WHERE issued_at > 0 ORDER BY issued_at DESC LIMIT 100`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('wait_told_by_issue');
    db.close();
  });
});
