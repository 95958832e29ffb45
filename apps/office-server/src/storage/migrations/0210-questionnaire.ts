import type { Migration } from './migration.js';

/**
 * The post-visit questionnaire at the office: the answers given on the office's own ticket page
 * (`/t/<id>`, for offices without a central link, and for any office's visitor who scans the QR of a
 * ticket printed with it), one per ticket, and the first opening of that page per ticket (the
 * questionnaire's reach). `source` says where the answer was given: `office` (here) or `central` (the
 * phone page on central, synced down). The quality day counts read both; a first answer or opening
 * for a closed day drops that day's counts in the same transaction, so it is counted again. `synced`
 * marks what central has acknowledged of the office's own (answers and openings go up too).
 */
export const questionnaire: Migration = {
  version: 210,
  name: 'questionnaire',
  up: (db) => {
    db.exec(`
      CREATE TABLE questionnaire_answers (
        ticket_id TEXT PRIMARY KEY,
        office_day TEXT NOT NULL,
        solved INTEGER CHECK (solved IN (0, 1)),
        ease INTEGER CHECK (ease BETWEEN 1 AND 5),
        answered_at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('office', 'central')),
        -- Given here and not yet acknowledged by central (questionnaire:sync): 0; central's own: 1.
        synced INTEGER NOT NULL DEFAULT 0,
        CHECK (solved IS NOT NULL OR ease IS NOT NULL)
      ) WITHOUT ROWID;
      CREATE INDEX questionnaire_answers_by_day ON questionnaire_answers (office_day);
      CREATE TABLE ticket_page_opens (
        ticket_id TEXT PRIMARY KEY,
        office_day TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        synced INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE INDEX questionnaire_answers_unsynced ON questionnaire_answers (answered_at) WHERE synced = 0;
      CREATE INDEX ticket_page_opens_unsynced ON ticket_page_opens (opened_at) WHERE synced = 0;
    `);
  },
};
