import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0130: device last seen', () => {
  it('adds the table over an older database and keeps one row per device', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 130));
    migrate(db, MIGRATIONS.filter((m) => m.version <= 130));
    const upsert = db.prepare(`INSERT INTO device_seen (kind, id, last_seen_at) VALUES (?, ?, ?)
      ON CONFLICT (kind, id) DO UPDATE SET last_seen_at = excluded.last_seen_at`);
    upsert.run('board', 'board-1', 10);
    upsert.run('board', 'board-1', 20);
    upsert.run('printer', 'board-1', 5);
    expect(db.prepare(`SELECT kind, id, last_seen_at AS at FROM device_seen ORDER BY kind`).all()).toEqual([
      { kind: 'board', id: 'board-1', at: 20 },
      { kind: 'printer', id: 'board-1', at: 5 },
    ]);
    db.close();
  });
});
