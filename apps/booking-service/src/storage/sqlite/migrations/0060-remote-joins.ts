import type { CentralMigration } from './central-migration.js';

/**
 * Places taken from home: each join request the office granted, by the page's idempotency key, so a
 * retry (a lost answer, a second press, another node) answers the same ticket without asking the
 * office again; and the arrival code by ticket, for the phone page's QR. Forgotten with the office day.
 */
export const remoteJoins: CentralMigration = {
  version: 60,
  name: 'remote-joins',
  up: (db) => {
    db.exec(`CREATE TABLE remote_joins (
        office_id TEXT NOT NULL,
        request_key TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        number TEXT NOT NULL,
        service_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        code TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (office_id, request_key)
      );
      CREATE INDEX remote_joins_by_ticket ON remote_joins (office_id, ticket_id);
      CREATE INDEX remote_joins_by_day ON remote_joins (office_id, office_day);`);
  },
};
