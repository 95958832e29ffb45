import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0040: events by type and time', () => {
  it('indexes a database at version 30, and the retention query uses the index', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 30));
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 30, to: 40 });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT seq FROM events WHERE type = 'ticket.issued' AND at < 1`)
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('events_by_type_at');
    db.close();
  });
});
