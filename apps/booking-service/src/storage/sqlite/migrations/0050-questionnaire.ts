import type { CentralMigration } from './central-migration.js';

/**
 * The visitor's post-visit questionnaire (the ticket's phone page): one answer per ticket, with
 * what the quality views split it by (office day, the service that finished the visit, the
 * operator if known) and nothing about the visitor. `phone_page_opens` holds which tickets had
 * their page opened at all, the questionnaire's reach: its response rate is answers over those.
 */
export const questionnaire: CentralMigration = {
  version: 50,
  name: 'questionnaire',
  up: (db) => {
    db.exec(`
      CREATE TABLE questionnaire_answers (
        office_id TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        service_id TEXT NOT NULL,
        operator_id TEXT,
        solved INTEGER,
        ease INTEGER,
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (office_id, ticket_id)
      ) WITHOUT ROWID;
      CREATE INDEX questionnaire_answers_by_day ON questionnaire_answers (office_id, office_day);
      CREATE TABLE phone_page_opens (
        office_id TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        PRIMARY KEY (office_id, ticket_id)
      ) WITHOUT ROWID;
    `);
  },
};
