import type { Migration } from './migration.js';

/**
 * Personal-data retention clears the account numbers, visitors' names and transfer comments of
 * old rows once a day. It remembers how far it got (`housekeeping`) and reads only the rows that
 * crossed the line since, by time: a day's rows, not a year's, while kiosks wait on the same thread.
 */
export const personalDataRetention: Migration = {
  version: 40,
  name: 'personal-data-retention',
  up: (db) => {
    db.exec(`
      CREATE INDEX events_by_type_at ON events (type, at);
      CREATE INDEX tickets_by_issued_at ON tickets (issued_at);
      CREATE TABLE housekeeping (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
    `);
  },
};
