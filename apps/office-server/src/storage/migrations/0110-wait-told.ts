import type { Migration } from './migration.js';

/**
 * What each visitor was told at the kiosk: the minutes on the screen and the ticket, the printed
 * range, and the raw forecast they came from. Set against the ticket's own first call
 * (`tickets.first_called_at - issued_at`), it gives the estimate's errors: the range of the next
 * tickets is cut from them, and the dashboard shows them in the open.
 */
export const waitTold: Migration = {
  version: 110,
  name: 'wait-told',
  up: (db) => {
    db.exec(`
      CREATE TABLE wait_told (
        ticket_id TEXT PRIMARY KEY,
        office_day TEXT NOT NULL,
        issued_at INTEGER NOT NULL,
        told_min INTEGER NOT NULL,
        range_from_min INTEGER NOT NULL,
        range_to_min INTEGER NOT NULL,
        forecast_min REAL NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX wait_told_by_issue ON wait_told (issued_at);
      CREATE INDEX wait_told_by_day ON wait_told (office_day);
    `);
  },
};
