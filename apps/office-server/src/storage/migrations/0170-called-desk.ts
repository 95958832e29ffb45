import type { Migration } from './migration.js';

/**
 * The desk a ticket was last called to, kept when a transfer sends it back to waiting (`desk_id`
 * is cleared then, because the ticket belongs to no desk). The board's history of calls reads it,
 * so a transferred ticket shows the desk it was called to, not «Окно 0». Rows from before know
 * their desk only while it is still in `desk_id`; a transferred one from before stays unknown and
 * the board leaves it out.
 */
export const calledDesk: Migration = {
  version: 170,
  name: 'called-desk',
  up: (db) => {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN called_desk_id TEXT;
      UPDATE tickets SET called_desk_id = desk_id WHERE called_at IS NOT NULL;
    `);
  },
};
