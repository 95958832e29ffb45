import { sql, type Migration } from 'kysely';

/** The SQLite store's 0050 (see ../../sqlite/migrations/0050-questionnaire.ts) in PostgreSQL. */
export const questionnaire: Migration = {
  async up(db) {
    await sql.raw(`
      CREATE TABLE questionnaire_answers (
        office_id TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        service_id TEXT NOT NULL,
        operator_id TEXT,
        solved SMALLINT,
        ease SMALLINT,
        answered_at BIGINT NOT NULL,
        PRIMARY KEY (office_id, ticket_id)
      );
      CREATE INDEX questionnaire_answers_by_day ON questionnaire_answers (office_id, office_day);
      CREATE TABLE phone_page_opens (
        office_id TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        opened_at BIGINT NOT NULL,
        PRIMARY KEY (office_id, ticket_id)
      );
    `).execute(db);
  },
};
