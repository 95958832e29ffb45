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
}
