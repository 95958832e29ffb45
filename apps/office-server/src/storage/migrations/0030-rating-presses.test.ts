import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0030: the rating press log', () => {
  it('replaces the unused table of 0010 in a database at version 20', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 20));
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 30))).toEqual({ from: 20, to: 30 });
    const columns = db.prepare(`SELECT name FROM pragma_table_info('rating_presses') ORDER BY cid`).pluck().all();
    expect(columns).toEqual(['id', 'at', 'desk_id', 'button_device_id', 'seq', 'value', 'outcome', 'ticket_id']);
    // Two copies of one press in the same millisecond are two rows, not a crash.
    const insert = db.prepare(`INSERT INTO rating_presses (at, desk_id, button_device_id, seq, value, outcome) VALUES (1, 'desk-1', 7, 9, 5, ?)`);
    insert.run('counted');
    insert.run('repeat');
    expect(() => insert.run('lost')).toThrow(/CHECK/);
    db.close();
  });
});
