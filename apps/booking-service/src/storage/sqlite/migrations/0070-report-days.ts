import type { CentralMigration } from './central-migration.js';

/**
 * The company report's counts per office and closed office day (what `reportCounts` sums from the
 * tickets and bookings), counted once so a company's month is ~9,000 rows to read instead of
 * ~2.5 million tickets. A row is kept for every office and closed day, zeros included, so a day
 * with no row is a day not counted yet (or dropped by a late event), never a quiet one.
 * `waiting_standard_ms` is the office's standard the row was counted with (NULL: an office central
 * has bookings of but no summary): a row counted under another standard than the office's now is
 * counted again. See ../../report-days.ts.
 */
export const reportDays: CentralMigration = {
  version: 70,
  name: 'report-days',
  up: (db) => {
    db.exec(`CREATE TABLE report_days (
        office_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        waiting_standard_ms INTEGER,
        tickets INTEGER NOT NULL,
        served INTEGER NOT NULL,
        no_shows INTEGER NOT NULL,
        within_standard INTEGER NOT NULL,
        wait_ms_total INTEGER NOT NULL,
        waited INTEGER NOT NULL,
        ratings INTEGER NOT NULL,
        satisfied INTEGER NOT NULL,
        bookings INTEGER NOT NULL,
        bookings_arrived INTEGER NOT NULL,
        bookings_due INTEGER NOT NULL,
        counted_at INTEGER NOT NULL,
        PRIMARY KEY (office_day, office_id)
      ) WITHOUT ROWID;
      CREATE INDEX report_days_by_office ON report_days (office_id, office_day);`);
  },
};
