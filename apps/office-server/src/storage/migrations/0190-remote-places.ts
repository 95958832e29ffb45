import type { Migration } from './migration.js';

/**
 * Places taken from home (central's "join today's queue"). `remote_request_key` is the join
 * request's idempotency key: written with the ticket in the same transaction, so a request central
 * repeats (a lost answer, a retry from the page) finds its ticket, also after the ticket has left
 * the live queue (with `remote_code`, the arrival code it was given); unique, so not even a race can give one request two tickets. `arrived_at` and
 * `arrived_via` (kiosk or phone) record the visitor's arrival; `remote_skipped_at` the one time
 * their turn came before they arrived.
 */
export const remotePlaces: Migration = {
  version: 190,
  name: 'remote-places',
  up: (db) => {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN remote_request_key TEXT;
      ALTER TABLE tickets ADD COLUMN remote_code TEXT;
      ALTER TABLE tickets ADD COLUMN arrived_at INTEGER;
      ALTER TABLE tickets ADD COLUMN arrived_via TEXT;
      ALTER TABLE tickets ADD COLUMN remote_skipped_at INTEGER;
      CREATE UNIQUE INDEX tickets_by_remote_request ON tickets (remote_request_key) WHERE remote_request_key IS NOT NULL;
    `);
  },
};
