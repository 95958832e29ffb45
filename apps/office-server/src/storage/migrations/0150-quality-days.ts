import type { Migration } from './migration.js';

/**
 * The quality programme's per-day counts (packages/domain quality/day-counts.ts), one JSON row
 * per closed office day: a quarter's view sums ninety rows instead of folding every visit of seven
 * months. A day is counted once it has closed and before its account keys are forgotten, so its
 * repeats outlive the keys. Low ratings get their own small index for the follow-up list.
 */
export const qualityDays: Migration = {
  version: 150,
  name: 'quality-days',
  up: (db) => {
    db.exec(`
      CREATE TABLE quality_days (
        office_day TEXT PRIMARY KEY,
        counts TEXT NOT NULL,
        counted_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX tickets_low_ratings ON tickets (office_day) WHERE rating <= 2;
    `);
  },
};
