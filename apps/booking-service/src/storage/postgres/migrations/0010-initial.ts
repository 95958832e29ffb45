import { sql, type Migration } from 'kysely';

/**
 * The SQLite store's tables (its 0010 and 0020) in one step, plus what several nodes need: one
 * booking-version counter row per office, so an office reads versions in commit order.
 * Instants are epoch milliseconds (BIGINT), the same numbers the SQLite store keeps.
 */
export const initial: Migration = {
  async up(db) {
    await sql.raw(`
      CREATE TABLE offices (
        id TEXT PRIMARY KEY,
        summary TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        waiting_standard_ms BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );

      CREATE TABLE office_events (
        office_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        type TEXT NOT NULL,
        at BIGINT NOT NULL,
        body JSONB NOT NULL,
        received_at BIGINT NOT NULL,
        PRIMARY KEY (office_id, event_id)
      );

      -- How far each office's log is held without a gap; its row lock also makes two nodes
      -- ingesting the same office's batch take turns.
      CREATE TABLE office_seq (
        office_id TEXT PRIMARY KEY,
        last_seq BIGINT NOT NULL
      );

      CREATE TABLE tickets (
        office_id TEXT NOT NULL,
        id TEXT NOT NULL,
        number TEXT NOT NULL,
        service_id TEXT NOT NULL,
        office_day TEXT NOT NULL,
        kind TEXT NOT NULL,
        booking_id TEXT,
        issued_at BIGINT NOT NULL,
        queued_at BIGINT NOT NULL,
        status TEXT NOT NULL,
        first_called_at BIGINT,
        ended_at BIGINT,
        service_ms BIGINT,
        rating INTEGER,
        PRIMARY KEY (office_id, id)
      );
      -- One office's year reads by office first; the company's month by day first.
      CREATE INDEX tickets_by_day ON tickets (office_day, office_id);
      CREATE INDEX tickets_by_office_day ON tickets (office_id, office_day);

      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        office_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        slot_start BIGINT NOT NULL,
        slot_minutes INTEGER NOT NULL,
        office_day TEXT NOT NULL,
        status TEXT NOT NULL,
        origin TEXT NOT NULL,
        customer_name TEXT,
        phone TEXT,
        ticket_id TEXT,
        created_at BIGINT NOT NULL,
        version BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX bookings_central_code ON bookings (code) WHERE origin = 'central';
      CREATE INDEX bookings_by_office_version ON bookings (office_id, version);
      CREATE INDEX bookings_by_day ON bookings (office_day, office_id);
      CREATE INDEX bookings_by_phone ON bookings (phone) WHERE phone IS NOT NULL;
      -- Retention reads only the rows it still has to clear.
      CREATE INDEX bookings_personal_by_slot ON bookings (slot_start) WHERE phone IS NOT NULL OR customer_name IS NOT NULL;

      -- One row per slot with places taken: the conditional increment refuses the second visitor
      -- for the last place, whichever node either of them reached.
      CREATE TABLE slot_places (
        office_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        slot_start BIGINT NOT NULL,
        taken INTEGER NOT NULL,
        PRIMARY KEY (office_id, service_id, slot_start)
      );

      -- Not a sequence: a sequence hands out 11 before 10 commits, and an office reading
      -- "changes since 10" would skip 10 for good. The row lock orders commits per office.
      CREATE TABLE booking_versions (
        office_id TEXT PRIMARY KEY,
        value BIGINT NOT NULL
      );
    `).execute(db);
  },
};
