import type { CentralMigration } from './central-migration.js';

/** Offices and their summaries, every office event once, the tickets and bookings reports read. */
export const initial: CentralMigration = {
  version: 10,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE offices (
        id TEXT PRIMARY KEY,
        summary TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        waiting_standard_ms INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE office_events (
        office_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        body TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (office_id, event_id)
      ) WITHOUT ROWID;

      CREATE TABLE tickets (
        office_id TEXT NOT NULL,
        id TEXT NOT NULL,
        number TEXT NOT NULL,
        service_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        kind TEXT NOT NULL,
        booking_id TEXT,
        issued_at INTEGER NOT NULL,
        queued_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        first_called_at INTEGER,
        ended_at INTEGER,
        service_ms INTEGER,
        rating INTEGER,
        PRIMARY KEY (office_id, id)
      ) WITHOUT ROWID;
      CREATE INDEX tickets_by_day ON tickets (office_day, office_id);

      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        office_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        slot_start INTEGER NOT NULL,
        slot_minutes INTEGER NOT NULL,
        office_day TEXT NOT NULL,
        status TEXT NOT NULL,
        origin TEXT NOT NULL,
        customer_name TEXT,
        phone TEXT,
        ticket_id TEXT,
        created_at INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX bookings_central_code ON bookings (code) WHERE origin = 'central';
      CREATE INDEX bookings_by_office_version ON bookings (office_id, version);
      CREATE INDEX bookings_by_day ON bookings (office_day, office_id);

      -- One row per slot with places taken: the conditional increment is what refuses the
      -- second visitor for the last place, in SQLite and in any SQL database alike.
      CREATE TABLE slot_places (
        office_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        slot_start INTEGER NOT NULL,
        taken INTEGER NOT NULL,
        PRIMARY KEY (office_id, service_id, slot_start)
      ) WITHOUT ROWID;

      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
      INSERT INTO counters (name, value) VALUES ('booking-version', 0);
    `);
  },
};
