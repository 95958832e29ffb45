import type { CentralMigration } from './central-migration.js';

/**
 * The booking page looks a code up whichever side made the booking: on-line codes were found by
 * the unique index of central's own (`bookings_central_code`, partial), counter bookings reported by
 * an office by none. Not unique: offices make their codes without asking central, and two offices'
 * codes (the 6 digits handed out before) may be the same; the phone's last digits tell them apart.
 */
export const bookingCodeIndex: CentralMigration = {
  version: 100,
  name: 'booking-code-index',
  up: (db) => {
    db.exec(`CREATE INDEX bookings_by_code ON bookings (code);`);
  },
};
