import type { Booking } from './booking.js';
import type { DeskState } from './desk-state.js';
import type { OfficeSetup } from './office-setup.js';
import type { Ticket } from './ticket.js';

/**
 * What the rules need to decide: the office's setup and the live queue. Finished tickets leave
 * the state (the office server keeps them in its tables), so its size follows the hall, not history.
 */
export interface QueueState {
  setup: OfficeSetup;
  /** Tickets waiting, called, in service or postponed, by id. */
  tickets: ReadonlyMap<string, Ticket>;
  desks: ReadonlyMap<string, DeskState>;
  /** Bookings not yet checked in, by id. */
  bookings: ReadonlyMap<string, Booking>;
  /** Last number issued per `${officeDay}|${serviceId}`; only the current day is kept. */
  lastNumbers: ReadonlyMap<string, number>;
  /** Recent service durations per service id (ms), newest last. */
  recentServiceMs: ReadonlyMap<string, readonly number[]>;
}
