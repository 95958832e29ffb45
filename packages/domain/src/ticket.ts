/** Milliseconds since the Unix epoch; the domain never reads a clock, callers pass time in. */
export type Instant = number;

export type TicketStatus =
  | 'waiting'
  | 'called'
  | 'serving'
  | 'postponed'
  | 'done'
  | 'no-show'
  | 'cancelled';

/** Only these stay in the live queue state; finished tickets live in the office server's tables. */
export type ActiveTicketStatus = Extract<TicketStatus, 'waiting' | 'called' | 'serving' | 'postponed'>;

export type TicketKind = 'walk-in' | 'priority' | 'booking';

/** Whether the desk saw the document that entitles the visitor to priority service. */
export type CategoryCheck = 'pending' | 'confirmed' | 'rejected';

/**
 * A place in line taken from home (central's booking page, "join today's queue"). The ticket
 * stands in the line from the moment it was taken like any other; it is only called once the
 * visitor has said they are here (docs/call-policy.md, "A place taken from home").
 */
export interface RemotePlace {
  /** What the visitor types (or shows as a QR) at the kiosk to say they are here: 12 digits. */
  code: string;
  /** The join request's idempotency key: a retried request finds this ticket, not a second one. */
  requestKey: string;
  /** When the visitor confirmed arrival (kiosk code, or the phone page near the office). */
  arrivedAt?: Instant;
  /** When its turn first came before the visitor arrived: passed over once, the next time it expires. */
  skippedAt?: Instant;
}

export interface Ticket {
  id: string;
  /** What the visitor holds and the board shows: prefix + number, "A015". */
  number: string;
  serviceId: string;
  /** Local office date "YYYY-MM-DD" the number belongs to. */
  officeDay: string;
  kind: TicketKind;
  categoryId?: string;
  categoryCheck?: CategoryCheck;
  bookingId?: string;
  /** Start of the booked slot: a booking ticket is due from then. */
  bookingSlotStart?: Instant;
  /** Лицевой счёт, when the service asks for one at the kiosk. */
  accountNumber?: string;
  issuedAt: Instant;
  /** The place in the queue: the original issue time, kept across a transfer unless told otherwise. */
  queuedAt: Instant;
  status: ActiveTicketStatus;
  /** The desk that called, serves or parked the ticket. */
  deskId?: string;
  operatorId?: string;
  /** After a transfer to a given desk, only that desk may call the ticket. */
  targetDeskId?: string;
  calledAt?: Instant;
  servingStartedAt?: Instant;
  recalls: number;
  /** Free text the operator left on transfer, shown to the next desk. */
  transferComment?: string;
  /** Present on a place taken from home. */
  remote?: RemotePlace;
}
