import type { Actor } from './actor.js';
import type { PauseReason } from './office-setup.js';
import type { BookingSource } from './booking.js';
import type { Instant } from './ticket.js';

/**
 * Everything that can be asked of an office's queue. Ids of new things are chosen by the caller,
 * so `decide` stays deterministic.
 */
export type QueueCommand =
  | { type: 'ticket.issue'; ticketId: string; serviceId: string; categoryId?: string; accountNumber?: string }
  /**
   * A code typed or scanned at the kiosk: a booking's, or a place taken from home (then the visitor
   * is marked arrived; `ticketId` is unused).
   */
  | { type: 'booking.check-in'; ticketId: string; code: string; acceptWalkIn?: boolean }
  /** "Join today's queue" from central's booking page; `code` (12 digits) and ids come from the caller. */
  | { type: 'ticket.join-remote'; ticketId: string; serviceId: string; code: string; requestKey: string }
  /** The phone page's «Я на месте», once the office has checked the phone is at the office. */
  | { type: 'ticket.arrive'; ticketId: string }
  | {
      type: 'booking.create';
      bookingId: string;
      code: string;
      serviceId: string;
      slotStart: Instant;
      slotMinutes: number;
      source: BookingSource;
      customerName?: string;
      /** Only with `phoneConsentAt`: a phone without a recorded consent is refused. */
      customerPhone?: string;
      phoneConsentAt?: Instant;
    }
  | { type: 'booking.cancel'; bookingId: string }
  | { type: 'desk.open'; deskId: string; operatorId: string }
  | { type: 'desk.pause'; deskId: string; reason: PauseReason }
  | { type: 'desk.resume'; deskId: string }
  /**
   * `force`: the head closes a desk, or the server closes one its operator left; a visitor called
   * or served there goes back to their service's queue in their old place instead of refusing.
   */
  | { type: 'desk.close'; deskId: string; force?: boolean }
  | { type: 'ticket.call-next'; deskId: string }
  | { type: 'ticket.call'; deskId: string; ticketId: string }
  | { type: 'ticket.recall'; deskId: string }
  | { type: 'ticket.start'; deskId: string }
  | { type: 'ticket.finish'; deskId: string; outcomeId?: string }
  | { type: 'ticket.no-show'; deskId: string }
  | {
      type: 'ticket.transfer';
      deskId: string;
      /** Exactly one of the two targets. */
      toServiceId?: string;
      toDeskId?: string;
      /** Default true: the visitor keeps their place by original issue time. */
      keepPlace?: boolean;
      comment?: string;
    }
  | { type: 'ticket.postpone'; deskId: string }
  | { type: 'ticket.take-back'; deskId: string; ticketId: string }
  | { type: 'ticket.confirm-category'; deskId: string; documentSeen: boolean }
  | { type: 'ticket.cancel'; ticketId: string; reason: string }
  | { type: 'ticket.rate'; deskId: string; ticketId: string; value: number }
  /** At opening: tickets left from earlier days leave the queue, numbering starts again. */
  | { type: 'day.close-earlier' };

export type QueueCommandType = QueueCommand['type'];

export interface CommandEnvelope {
  command: QueueCommand;
  actor: Actor;
  now: Instant;
}
