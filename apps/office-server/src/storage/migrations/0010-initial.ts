import type { Migration } from './migration.js';

/** The event log, the read tables the screens and reports query, the sync outbox, and sessions. */
export const initial: Migration = {
  version: 10,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        body TEXT NOT NULL
      );

      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        service_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        kind TEXT NOT NULL,
        category_id TEXT,
        category_check TEXT,
        booking_id TEXT,
        account_number TEXT,
        kiosk_id TEXT,
        issued_at INTEGER NOT NULL,
        queued_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        desk_id TEXT,
        operator_id TEXT,
        first_called_at INTEGER,
        called_at INTEGER,
        serving_started_at INTEGER,
        ended_at INTEGER,
        recalls INTEGER NOT NULL DEFAULT 0,
        transfers INTEGER NOT NULL DEFAULT 0,
        outcome_id TEXT,
        end_reason TEXT,
        service_ms INTEGER,
        rating INTEGER,
        rated_at INTEGER,
        UNIQUE (office_day, number)
      );
      CREATE INDEX tickets_by_day ON tickets (office_day, issued_at);

      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        service_id TEXT NOT NULL,
        slot_start INTEGER NOT NULL,
        slot_minutes INTEGER NOT NULL,
        source TEXT NOT NULL,
        customer_name TEXT,
        status TEXT NOT NULL,
        ticket_id TEXT,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX bookings_by_code ON bookings (code);
      CREATE INDEX bookings_by_slot ON bookings (service_id, slot_start);

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        sent_at INTEGER
      );

      CREATE TABLE queue_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        event_seq INTEGER NOT NULL,
        body TEXT NOT NULL
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        operator_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );

      CREATE TABLE rating_presses (
        desk_id TEXT NOT NULL,
        button_device_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        ticket_id TEXT,
        value INTEGER NOT NULL,
        PRIMARY KEY (desk_id, button_device_id, seq, at)
      );
    `);
  },
};
