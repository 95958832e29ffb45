import { sql, type Migration } from 'kysely';

/** The SQLite store's 0080 in PostgreSQL: the period's ratings of 1–2 without a scan of its tickets. */
export const lowRatingsIndex: Migration = {
  async up(db) {
    await sql.raw(`CREATE INDEX tickets_low_ratings_by_day ON tickets (office_day, rated_at) WHERE rating <= 2;`).execute(db);
  },
};
