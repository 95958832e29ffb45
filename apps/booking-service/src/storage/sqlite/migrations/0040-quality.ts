import type { CentralMigration } from './central-migration.js';

/**
 * The quality programme at central: what a visit needs beyond the report's counts (desk, operator,
 * outcome, transfers, when rated, the account number's keyed hash, the service it came for), and
 * the per-office-day counts (packages/domain quality/day-counts.ts) that make a company's month a
 * sum of rows. A day's counts are dropped when an event for one of its visits arrives late.
 */
export const quality: CentralMigration = {
  version: 40,
  name: 'quality',
  up: (db) => {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN first_service_id TEXT;
      ALTER TABLE tickets ADD COLUMN desk_id TEXT;
      ALTER TABLE tickets ADD COLUMN operator_id TEXT;
      ALTER TABLE tickets ADD COLUMN outcome_id TEXT;
      ALTER TABLE tickets ADD COLUMN transfers INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tickets ADD COLUMN rated_at INTEGER;
      ALTER TABLE tickets ADD COLUMN account_key TEXT;
      CREATE TABLE quality_days (
        office_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        counts TEXT NOT NULL,
        counted_at INTEGER NOT NULL,
        PRIMARY KEY (office_day, office_id)
      ) WITHOUT ROWID;
    `);
  },
};
