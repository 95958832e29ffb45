import type { Migration } from './migration.js';

/**
 * A phone taken with a counter booking, and when the visitor agreed to its processing. The
 * phone is forgotten with the name after `personalData.retentionDays` (counted from the slot);
 * the consent's time stays, as the record that the office had it.
 */
export const bookingPhone: Migration = {
  version: 200,
  name: 'booking-phone',
  up: (db) => {
    db.exec(`
      ALTER TABLE bookings ADD COLUMN customer_phone TEXT;
      ALTER TABLE bookings ADD COLUMN phone_consent_at INTEGER;
    `);
  },
};
