import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0200: a counter booking phone and its consent', () => {
  it('adds both columns, empty for the bookings from before', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 200));
    db.prepare(`INSERT INTO bookings (id, code, service_id, slot_start, slot_minutes, source, customer_name, status, updated_at)
      VALUES ('b1', '123456', 'payments', 10, 15, 'office', 'Иванов', 'booked', 1)`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 200));
    expect(db.prepare(`SELECT id, customer_phone AS phone, phone_consent_at AS consentAt FROM bookings`).all()).toEqual([{ id: 'b1', phone: null, consentAt: null }]);
    db.prepare(`UPDATE bookings SET customer_phone = '+79161234567', phone_consent_at = 5 WHERE id = 'b1'`).run();
    expect(db.prepare(`SELECT customer_phone AS phone FROM bookings`).pluck().get()).toBe('+79161234567');
    db.close();
  });
});
