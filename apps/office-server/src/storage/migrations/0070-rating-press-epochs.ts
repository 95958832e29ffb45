import type { Migration } from './migration.js';

/**
 * The boot a press came from. A button starts its seqs again at 1 when it restarts, so "the same
 * seq" means a copy only within one boot of the device; the agent reports that boot as the
 * instant the device started (its heartbeat's uptime taken from the time the frame arrived).
 * Older presses and older agents leave it NULL and keep the time-bounded rule.
 */
export const ratingPressEpochs: Migration = {
  version: 70,
  name: 'rating-press-epochs',
  up: (db) => {
    db.exec(`
      ALTER TABLE rating_presses ADD COLUMN booted_at INTEGER;
      CREATE INDEX rating_presses_by_boot ON rating_presses (desk_id, button_device_id, booted_at);
    `);
  },
};
