import { sql, type Migration } from 'kysely';

/** The SQLite store's 0060 in PostgreSQL. */
export const remoteJoins: Migration = {
  async up(db) {
    await sql.raw(`CREATE TABLE remote_joins (
        office_id TEXT NOT NULL,
        request_key TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        number TEXT NOT NULL,
        service_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        code TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (office_id, request_key)
      );
      CREATE INDEX remote_joins_by_ticket ON remote_joins (office_id, ticket_id);
      CREATE INDEX remote_joins_by_day ON remote_joins (office_id, office_day);`).execute(db);
  },
};
