import type { Migration } from './migration.js';

/**
 * The quality programme's read model lives in the tickets table (it has the waits, transfers,
 * outcomes and ratings already); this adds the service the visitor came for, the account number's
 * keyed hash (cleared after the repeat window), and the head's follow-up marks on low ratings.
 */
export const quality: Migration = {
  version: 80,
  name: 'quality',
  up: (db) => {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN first_service_id TEXT;
      ALTER TABLE tickets ADD COLUMN account_key TEXT;
      -- The daily clearing of keys past the repeat window reads only rows that still have one.
      CREATE INDEX tickets_with_account_key ON tickets (issued_at) WHERE account_key IS NOT NULL;
      CREATE TABLE quality_follow_ups (
        ticket_id TEXT PRIMARY KEY,
        done_at INTEGER NOT NULL,
        done_by TEXT NOT NULL,
        note TEXT NOT NULL
      );
    `);
  },
};
