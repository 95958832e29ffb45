import type { CentralMigration } from './central-migration.js';

/**
 * Central's quality view lists the period's ratings of 1–2 for follow-up: a partial index holds
 * only those, in the list's order (newest day and rating first), so the list reads them backwards
 * and stops at its limit instead of sorting a month's hundreds of thousands.
 */
export const lowRatingsIndex: CentralMigration = {
  version: 80,
  name: 'low-ratings-index',
  up: (db) => {
    db.exec(`CREATE INDEX tickets_low_ratings_by_day ON tickets (office_day, rated_at) WHERE rating <= 2;`);
  },
};
