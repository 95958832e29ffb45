import { sql, type Migration } from 'kysely';

/**
 * The SQLite store's 0070 (see ../../sqlite/migrations/0070-report-days.ts) in PostgreSQL: the
 * report's counts per office and closed office day, so a company's month reads ~9,000 rows instead
 * of aggregating ~2.5 million tickets (bench/central-reports).
 */
export const reportDays: Migration = {
  async up(db) {
    await sql.raw(`
      CREATE TABLE report_days (
        office_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        waiting_standard_ms BIGINT,
        tickets INTEGER NOT NULL,
        served INTEGER NOT NULL,
        no_shows INTEGER NOT NULL,
        within_standard INTEGER NOT NULL,
        wait_ms_total BIGINT NOT NULL,
        waited INTEGER NOT NULL,
        ratings INTEGER NOT NULL,
        satisfied INTEGER NOT NULL,
        bookings INTEGER NOT NULL,
        bookings_arrived INTEGER NOT NULL,
        bookings_due INTEGER NOT NULL,
        counted_at BIGINT NOT NULL,
        PRIMARY KEY (office_day, office_id)
      );
      CREATE INDEX report_days_by_office ON report_days (office_id, office_day);
    `).execute(db);
  },
};
