import { sql, type Migration } from 'kysely';

/**
 * The reports read a handful of columns of very many tickets: a company's month is ~2.5 million
 * rows at 300 offices, one office's year ~100,000 rows scattered over as many heap pages (tickets
 * arrive interleaved across offices). With those columns in the two day indexes the reports are
 * index-only scans and never touch the table (measured in bench/central-reports). Same keys as the
 * indexes they replace, so every other query keeps its plan. PostgreSQL only: the SQLite store
 * serves one node's smaller company.
 */
export const reportCoveringIndexes: Migration = {
  async up(db) {
    await sql.raw(`
      DROP INDEX tickets_by_day;
      CREATE INDEX tickets_by_day ON tickets (office_day, office_id) INCLUDE (status, queued_at, first_called_at, rating);
      DROP INDEX tickets_by_office_day;
      CREATE INDEX tickets_by_office_day ON tickets (office_id, office_day) INCLUDE (status, queued_at, first_called_at, rating);
    `).execute(db);
  },
};
