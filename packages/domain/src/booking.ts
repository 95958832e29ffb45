import type { Instant } from './ticket.js';

export type BookingSource = 'office' | 'central';

/** A booking not yet checked in; checked-in bookings live on as tickets. */
export interface Booking {
  id: string;
  /** What the visitor types at the kiosk. */
  code: string;
  serviceId: string;
  slotStart: Instant;
  slotMinutes: number;
  source: BookingSource;
  customerName?: string;
  /**
   * A phone taken at the office (+7 and ten digits), with when the visitor agreed to its
   * processing: it goes up to central like an on-line booking's and is forgotten like the name.
   */
  customerPhone?: string;
  phoneConsentAt?: Instant;
}
