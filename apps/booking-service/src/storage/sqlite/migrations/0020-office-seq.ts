import type { CentralMigration } from './central-migration.js';

/**
 * How far each office's log is held without a gap: events are projected strictly in the office's
 * order, so a batch that would skip ahead is refused from the gap on, and the office resends.
 */
export const officeSeq: CentralMigration = {
  version: 20,
  name: 'office-seq',
  up: (db) => {
    db.exec(`
      CREATE TABLE office_seq (
        office_id TEXT PRIMARY KEY,
        last_seq INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX bookings_by_phone ON bookings (phone) WHERE phone IS NOT NULL;
      INSERT INTO office_seq (office_id, last_seq) SELECT office_id, MAX(seq) FROM office_events GROUP BY office_id;
    `);
  },
};
