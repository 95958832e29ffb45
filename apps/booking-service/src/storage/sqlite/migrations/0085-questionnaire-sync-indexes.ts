import type { CentralMigration } from './central-migration.js';

/** `questionnaire:sync` reads an office's answers and page openings since a moment: indexed by office and time. */
export const questionnaireSyncIndexes: CentralMigration = {
  version: 85,
  name: 'questionnaire-sync-indexes',
  up: (db) => {
    db.exec(`CREATE INDEX questionnaire_answers_by_time ON questionnaire_answers (office_id, answered_at);
      CREATE INDEX phone_page_opens_by_time ON phone_page_opens (office_id, opened_at);`);
  },
};
