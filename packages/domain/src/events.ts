import type { Actor } from './actor.js';
import type { Booking } from './booking.js';
import type { PauseReason } from './office-setup.js';
import type { Instant, Ticket } from './ticket.js';

interface EventBase {
  at: Instant;
  actor: Actor;
}

export type NoShowReason = 'operator' | 'recall-limit';
export type TicketCallReason =
  | 'priority'
  | 'booking-due'
  | 'overdue-walk-in'
  | 'past-hard-limit'
  | 'fairness-cap'
  | 'transferred-to-desk'
  | 'next-in-line'
  | 'chosen-by-operator'
  | 'taken-back';

/** How a visitor with a place taken from home said they are here. */
export type ArrivalWay = 'kiosk' | 'phone';

/** Every change to an office's queue; the event log is its history, audit trail and unit of sync. */
export type QueueEvent = EventBase &
  (
    | { type: 'ticket.issued'; ticket: Ticket; lateBookingId?: string }
    | { type: 'ticket.called'; ticketId: string; deskId: string; operatorId: string; reason: TicketCallReason }
    | { type: 'ticket.recalled'; ticketId: string; deskId: string; recalls: number }
    | { type: 'ticket.serving-started'; ticketId: string; deskId: string }
    | {
        type: 'ticket.finished';
        ticketId: string;
        deskId: string;
        operatorId: string;
        outcomeId?: string;
        /** From start of service (or from call, if never started) to finish. */
        serviceMs: number;
      }
    | { type: 'ticket.no-show'; ticketId: string; deskId: string; reason: NoShowReason }
    | {
        type: 'ticket.transferred';
        ticketId: string;
        fromDeskId: string;
        toServiceId: string;
        toDeskId?: string;
        queuedAt: Instant;
        comment?: string;
      }
    | { type: 'ticket.postponed'; ticketId: string; deskId: string }
    | { type: 'ticket.category-checked'; ticketId: string; deskId: string; documentSeen: boolean }
    | { type: 'ticket.cancelled'; ticketId: string; reason: string }
    | { type: 'ticket.rated'; ticketId: string; deskId: string; value: number }
    /** A place taken from home: the visitor is here now and may be called. */
    | { type: 'ticket.arrived'; ticketId: string; via: ArrivalWay }
    /** A place taken from home whose turn came before its visitor arrived: passed over, once. */
    | { type: 'ticket.remote-skipped'; ticketId: string; deskId: string }
    | { type: 'booking.created'; booking: Booking }
    | { type: 'booking.checked-in'; bookingId: string; ticketId: string; late: boolean }
    | { type: 'booking.cancelled'; bookingId: string }
    | { type: 'desk.opened'; deskId: string; operatorId: string }
    | { type: 'desk.paused'; deskId: string; reason: PauseReason }
    | { type: 'desk.resumed'; deskId: string }
    | { type: 'desk.closed'; deskId: string }
    | { type: 'day.earlier-closed'; officeDay: string; cancelledTicketIds: string[]; expiredBookingIds: string[] }
  );

export type QueueEventType = QueueEvent['type'];
export type QueueEventOf<T extends QueueEventType> = Extract<QueueEvent, { type: T }>;
