import type { CentralMigration } from './central-migration.js';

/**
 * The phone page's nudges ("tell me when 3 are left", "when I am called"), with when each was sent
 * so a restart never sends one twice; and central's own generated settings (the VAPID keys).
 */
export const phoneNudges: CentralMigration = {
  version: 30,
  name: 'phone-nudges',
  up: (db) => {
    db.exec(`CREATE TABLE phone_nudges (
        id TEXT PRIMARY KEY,
        office_id TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        channel TEXT NOT NULL,
        address TEXT NOT NULL,
        people_left INTEGER NOT NULL,
        consent_text TEXT,
        consent_at BIGINT,
        created_at BIGINT NOT NULL,
        ahead_sent_at BIGINT,
        called_sent_at BIGINT
      );
      CREATE INDEX phone_nudges_by_ticket ON phone_nudges (office_id, ticket_id);
      CREATE INDEX phone_nudges_by_day ON phone_nudges (office_id, office_day);
      CREATE TABLE central_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);`);
  },
};
