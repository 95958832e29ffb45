import type { Migration } from './migration.js';

/**
 * When the server last heard each device: a board that died in the night is still listed after a
 * morning restart, with the time it was last seen, instead of vanishing from the dashboard.
 */
export const deviceSeen: Migration = {
  version: 130,
  name: 'device-seen',
  up: (db) => {
    db.exec(`
      CREATE TABLE device_seen (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        last_seen_at INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
    `);
  },
};
