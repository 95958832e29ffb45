import type { Migration } from './migration.js';

/**
 * A date's schedule accepted from the plan for tomorrow (its lunches replace the configured ones
 * on that date only), and the audit trail of acts that are not queue events (the event log is the
 * queue's own trail): who accepted which plan, when, with what right.
 */
export const daySchedules: Migration = {
  version: 180,
  name: 'day-schedules',
  up: (db) => {
    db.exec(`
      CREATE TABLE day_schedules (
        office_day TEXT PRIMARY KEY,
        lunches TEXT NOT NULL,
        expected_share REAL,
        accepted_by TEXT NOT NULL,
        accepted_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE audit_trail (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        operator_id TEXT NOT NULL,
        authority TEXT,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX audit_trail_by_at ON audit_trail (at);
    `);
  },
};
