import type { Migration } from './migration.js';

/**
 * The central link's cursors: how far the office has taken central's booking changes. The outbox's
 * own `sent_at` marks rows central has acknowledged; this index finds the rest fast.
 */
export const centralSync: Migration = {
  version: 20,
  name: 'central-sync',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_cursors (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
      CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
    `);
  },
};
