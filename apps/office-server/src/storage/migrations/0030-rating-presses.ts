import type { Migration } from './migration.js';

/**
 * Every press of a rating button, counted or not, as the audit trail of ratings and the memory
 * that keeps a retransmitted press from counting twice, across windows and restarts. The table
 * of the same name in 0010 was never written to; its key (with the receive time in it) could not
 * have caught a repeat, so it is replaced rather than altered.
 */
export const ratingPresses: Migration = {
  version: 30,
  name: 'rating-presses',
  up: (db) => {
    db.exec(`
      DROP TABLE rating_presses;
      CREATE TABLE rating_presses (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        desk_id TEXT NOT NULL,
        button_device_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        value INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('claimed', 'counted', 'refused', 'no-window', 'repeat')),
        ticket_id TEXT
      );
      CREATE INDEX rating_presses_by_press ON rating_presses (desk_id, button_device_id, seq, at);
    `);
  },
};
