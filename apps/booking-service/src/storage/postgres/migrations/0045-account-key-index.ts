import { sql, type Migration } from 'kysely';

/** The SQLite store's 0045 in PostgreSQL. */
export const accountKeyIndex: Migration = {
  async up(db) {
    await sql.raw(`CREATE INDEX tickets_with_account_key ON tickets (issued_at) WHERE account_key IS NOT NULL;`).execute(db);
  },
};
