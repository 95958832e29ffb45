import type { CentralMigration } from './central-migration.js';

/**
 * Central's quality view lists the period's ratings of 1–2 for follow-up: a partial index holds
 * only those (a few per cent of tickets), so the list reads them without scanning a month's tickets.
 */
export const lowRatingsIndex: CentralMigration = {
  version: 80,
  name: 'low-ratings-index',
  up: (db) => {
    db.exec(`CREATE INDEX tickets_low_ratings ON tickets (office_day, office_id) WHERE rating <= 2;`);
  },
};
