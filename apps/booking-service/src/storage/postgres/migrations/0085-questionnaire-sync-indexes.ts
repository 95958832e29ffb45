import { sql, type Migration } from 'kysely';

/** The SQLite store's 0085 in PostgreSQL: an office's answers and page openings since a moment, by index. */
export const questionnaireSyncIndexes: Migration = {
  async up(db) {
    await sql.raw(`CREATE INDEX questionnaire_answers_by_time ON questionnaire_answers (office_id, answered_at);
      CREATE INDEX phone_page_opens_by_time ON phone_page_opens (office_id, opened_at);`).execute(db);
  },
};
