import { sql, type Migration } from 'kysely';

/** The SQLite store's 0100 in PostgreSQL: every booking found by its code, whichever side made it. */
export const bookingCodeIndex: Migration = {
  async up(db) {
    await sql.raw(`CREATE INDEX bookings_by_code ON bookings (code);`).execute(db);
  },
};
