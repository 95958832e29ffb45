import { sql, type Migration } from 'kysely';

/** The SQLite store's 0030 in PostgreSQL. */
export const phoneNudges: Migration = {
  async up(db) {
    await sql.raw(`CREATE TABLE phone_nudges (
        id TEXT PRIMARY KEY,
        office_id TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        channel TEXT NOT NULL,
        address TEXT NOT NULL,
        people_left INTEGER NOT NULL,
        consent_text TEXT,
        consent_at BIGINT,
        created_at BIGINT NOT NULL,
        ahead_sent_at BIGINT,
        called_sent_at BIGINT
      );
      CREATE INDEX phone_nudges_by_ticket ON phone_nudges (office_id, ticket_id);
      CREATE INDEX phone_nudges_by_day ON phone_nudges (office_id, office_day);
      CREATE TABLE central_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);`).execute(db);
  },
};
