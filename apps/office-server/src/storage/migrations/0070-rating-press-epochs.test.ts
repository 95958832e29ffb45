import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0070: the boot a rating press came from', () => {
  it('adds booted_at to the press log of a database at version 40, keeping its presses', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 40));
    db.prepare(`INSERT INTO rating_presses (at, desk_id, button_device_id, seq, value, outcome) VALUES (1, 'desk-1', 7, 9, 5, 'counted')`).run();
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 70))).toEqual({ from: 40, to: 70 });
    expect(db.prepare(`SELECT seq, booted_at FROM rating_presses`).all()).toEqual([{ seq: 9, booted_at: null }]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT seq FROM rating_presses WHERE desk_id = 'desk-1' AND button_device_id = 7 AND booted_at BETWEEN 1 AND 2`)
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('rating_presses_by_boot');
    db.close();
  });
});
