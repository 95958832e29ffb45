import { sql, type Migration } from 'kysely';

/** The SQLite store's 0040 (see ../../sqlite/migrations/0040-quality.ts) in PostgreSQL. */
export const quality: Migration = {
  async up(db) {
    await sql.raw(`
      ALTER TABLE tickets ADD COLUMN first_service_id TEXT;
      ALTER TABLE tickets ADD COLUMN desk_id TEXT;
      ALTER TABLE tickets ADD COLUMN operator_id TEXT;
      ALTER TABLE tickets ADD COLUMN outcome_id TEXT;
      ALTER TABLE tickets ADD COLUMN transfers INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tickets ADD COLUMN rated_at BIGINT;
      ALTER TABLE tickets ADD COLUMN account_key TEXT;
      CREATE TABLE quality_days (
        office_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        counts TEXT NOT NULL,
        counted_at BIGINT NOT NULL,
        PRIMARY KEY (office_day, office_id)
      );
    `).execute(db);
  },
};
