import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import { BOOKING_CODE_DIGITS, idField, instantField, dateField } from './fields.js';
import { WEEKDAY_KEYS } from './office-config.js';
import { MAX_PHONE_STATUSES, phoneTicketStatusSchema } from './phone.js';
import type { RemoteArriveRequest, RemoteJoinRequest } from './remote-queue.js';

/**
 * The office <-> central link on the booking service's `/office` namespace. Offices push their
 * outbox up (acked by event id, deduplicated centrally) and pull booking changes down by version:
 * each side keeps its own cursor on disk, so a restart of either side resumes without a human.
 */

/** Handshake auth on `/office`: the office's id and the key the company issued to it. */
export const officeHandshakeSchema = z.strictObject({
  officeId: idField,
  key: z.string().min(16).max(200),
});
export type OfficeHandshake = z.infer<typeof officeHandshakeSchema>;

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const dayHours = z.strictObject({ open: localTime, close: localTime }).nullable();
const nameField = z.string().trim().min(1).max(200);

/** What central needs of an office's config to offer its slots; sent up at every connect. */
export const officeSummarySchema = z.strictObject({
  name: nameField,
  address: nameField.optional(),
  /** English twins for the English booking page; offices from before them do not send them. */
  nameEn: nameField.optional(),
  addressEn: nameField.optional(),
  timeZone: z.string().min(1).max(64),
  hours: z.strictObject({ mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours, sun: dayHours }),
  holidays: z.array(dateField).max(400),
  /** Sent only when the office has some, so a central from before special days still links offices without them. */
  specialDays: z.array(z.strictObject({ date: dateField, open: localTime, close: localTime })).max(400).optional(),
  /**
   * Office-wide breaks: windows when no operator works, so no slot may start in them. `days`
   * names the weekdays a window holds on; without it, every day (as offices before `days` send).
   */
  breaks: z
    .array(z.strictObject({ from: localTime, to: localTime, days: z.array(z.enum(WEEKDAY_KEYS)).min(1).max(7).optional() }))
    .max(50),
  rules: z.strictObject({
    waitingStandardMinutes: z.number().positive(),
    /** For the quality programme's effort count; offices from before it do not send it. */
    bookingStandardMinutes: z.number().positive().optional(),
    bookingCheckInEarlyMinutes: z.number().int().nonnegative(),
    bookingLateGraceMinutes: z.number().int().nonnegative(),
  }),
  services: z
    .array(
      z.strictObject({
        id: idField,
        name: nameField,
        nameEn: nameField.optional(),
        bookable: z.boolean(),
        slotMinutes: z.number().int().min(5).max(240),
        capacityPerSlot: z.number().int().min(0).max(50),
        /** Visitors may take today's place in line from home (central's booking page). */
        remoteJoin: z.boolean().optional(),
        /** Outcome codes with the quality programme's complaint flag (sent by offices that have the programme). */
        outcomes: z
          .array(z.strictObject({ id: idField, name: nameField, nameEn: nameField.optional(), complaint: z.boolean() }))
          .max(100)
          .optional(),
      }),
    )
    .min(1)
    .max(100),
  /** How a visitor with a place from home may confirm arrival from the phone: `byLocation` when the office set its coordinates. */
  remoteArrival: z.strictObject({ byLocation: z.boolean() }).optional(),
  /** The quality programme's repeat window, so central counts repeats as the office does. */
  quality: z.strictObject({ repeatWindowDays: z.number().int().min(1).max(365) }).optional(),
});
export type OfficeSummary = z.infer<typeof officeSummarySchema>;

const actorSchema = z.looseObject({ kind: z.enum(['operator', 'kiosk', 'admin', 'device', 'central', 'system']) });
const eventBase = { at: instantField, actor: actorSchema };
const ticketSchema = z.looseObject({
  id: idField,
  number: z.string().min(1).max(16),
  serviceId: idField,
  officeDay: dateField,
  kind: z.enum(['walk-in', 'priority', 'booking']),
  /** A place taken from home: its arrival code and request key (central holds both from the join anyway). */
  remote: z.looseObject({}).optional(),
  bookingId: idField.optional(),
  issuedAt: instantField,
  queuedAt: instantField,
  /**
   * The keyed hash (HMAC) of the account number typed at the kiosk, never the number: central
   * counts repeat visits by it as the office does (packages/domain quality/repeats.ts).
   */
  accountKey: z.string().min(1).max(128).optional(),
});
const onTicket = <T extends string>(type: T) => z.looseObject({ type: z.literal(type), ...eventBase, ticketId: idField });

/**
 * The queue events as they travel up. Central reads the fields named here; other fields pass
 * through untouched into its copy of the office's log.
 */
export const syncedEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('ticket.issued'), ...eventBase, ticket: ticketSchema, lateBookingId: idField.optional() }),
  onTicket('ticket.called').extend({ deskId: idField }),
  onTicket('ticket.recalled'),
  onTicket('ticket.serving-started'),
  onTicket('ticket.finished').extend({ serviceMs: z.number().nonnegative() }),
  onTicket('ticket.no-show'),
  onTicket('ticket.transferred').extend({ toServiceId: idField }),
  onTicket('ticket.postponed'),
  onTicket('ticket.category-checked'),
  onTicket('ticket.cancelled'),
  onTicket('ticket.rated').extend({ value: z.number().int().min(1).max(5) }),
  onTicket('ticket.arrived').extend({ via: z.enum(['kiosk', 'phone']) }),
  onTicket('ticket.remote-skipped'),
  z.looseObject({
    type: z.literal('booking.created'),
    ...eventBase,
    booking: z.looseObject({ id: idField, code: z.string().min(1).max(16), serviceId: idField, slotStart: instantField, slotMinutes: z.number().int().positive(), source: z.enum(['office', 'central']) }),
  }),
  z.looseObject({ type: z.literal('booking.checked-in'), ...eventBase, bookingId: idField, ticketId: idField, late: z.boolean() }),
  z.looseObject({ type: z.literal('booking.cancelled'), ...eventBase, bookingId: idField }),
  z.looseObject({ type: z.literal('desk.opened'), ...eventBase }),
  z.looseObject({ type: z.literal('desk.paused'), ...eventBase }),
  z.looseObject({ type: z.literal('desk.resumed'), ...eventBase }),
  z.looseObject({ type: z.literal('desk.closed'), ...eventBase }),
  z.looseObject({
    type: z.literal('day.earlier-closed'),
    ...eventBase,
    cancelledTicketIds: z.array(idField),
    expiredBookingIds: z.array(idField),
  }),
]);
export type SyncedEvent = z.infer<typeof syncedEventSchema>;

/**
 * An event as central may have it. The account number a visitor typed at the kiosk and the
 * operators' transfer comments serve the office's desks only; central's reports never need them,
 * so they do not leave the office (and central drops them from offices that still send them).
 */
export function eventForCentral<E extends { type: string }>(event: E): E {
  if (event.type === 'ticket.issued') {
    const { ticket } = event as unknown as { ticket: Record<string, unknown> };
    if (ticket && 'accountNumber' in ticket) {
      const { accountNumber: _kept, ...rest } = ticket;
      return { ...event, ticket: rest };
    }
  }
  if (event.type === 'ticket.transferred' && 'comment' in event) {
    const { comment: _kept, ...rest } = event as E & { comment?: string };
    return rest as E;
  }
  return event;
}

/** One outbox row: the office's event id is the unit of exactly-once. */
export const outboxMessageSchema = z.strictObject({
  eventId: idField,
  officeId: idField,
  seq: z.number().int().positive(),
  event: syncedEventSchema,
});
export type SyncOutboxMessage = z.infer<typeof outboxMessageSchema>;

/** Booking states as both sides hold them. */
export const CENTRAL_BOOKING_STATUSES = ['booked', 'cancelled', 'arrived', 'late', 'expired'] as const;
export type CentralBookingStatus = (typeof CENTRAL_BOOKING_STATUSES)[number];

/**
 * A booking as it flows down: the latest state, stamped with central's change version. Fields a
 * newer central adds are dropped, not refused: central is updated before its offices.
 */
export const bookingChangeSchema = z.object({
  version: z.number().int().positive(),
  bookingId: idField,
  /** The code the visitor types at the kiosk: 12 digits now, 6 or 8 for those handed out before. */
  code: z.string().regex(new RegExp(`^[A-Z0-9]{4,${BOOKING_CODE_DIGITS}}$`)),
  serviceId: idField,
  slotStart: instantField,
  slotMinutes: z.number().int().positive(),
  status: z.enum(CENTRAL_BOOKING_STATUSES),
  /** The visitor's name for the desk; the phone number never leaves central. */
  customerName: z.string().max(200).optional(),
});
export type BookingChange = z.infer<typeof bookingChangeSchema>;

export const MAX_PUSH_MESSAGES = 500;
export const MAX_PULL_CHANGES = 500;
/** Questionnaire answers and page openings per `questionnaire:sync`, each way. */
export const MAX_QUESTIONNAIRE_SYNC = 500;

/**
 * A visitor's post-visit questionnaire as it travels: up from the office's own ticket page
 * (`/t/<id>`), down from central's phone page, so both count every answer. Either question may be
 * skipped, not both.
 */
export const syncedQuestionnaireAnswerSchema = z
  .strictObject({
    ticketId: idField,
    officeDay: dateField,
    solved: z.boolean().optional(),
    ease: z.number().int().min(1).max(5).optional(),
    answeredAt: instantField,
  })
  .refine((a) => a.solved !== undefined || a.ease !== undefined, { message: 'answer at least one question' });
export type SyncedQuestionnaireAnswer = z.infer<typeof syncedQuestionnaireAnswerSchema>;

/** The first opening of a ticket's page (the questionnaire's reach), on either side. */
export const syncedPageOpenSchema = z.strictObject({ ticketId: idField, officeDay: dateField, openedAt: instantField });
export type SyncedPageOpen = z.infer<typeof syncedPageOpenSchema>;

export const syncCommands = {
  /** First thing after connecting: the office's current summary; answers central's booking version. */
  'office:hello': z.strictObject({ summary: officeSummarySchema }),
  /** A batch of outbox rows in seq order; the ack lists the event ids central now holds. */
  'events:push': z.strictObject({ messages: z.array(outboxMessageSchema).min(1).max(MAX_PUSH_MESSAGES) }),
  /** Booking changes after `since`, oldest first. */
  'bookings:pull': z.strictObject({ since: z.number().int().nonnegative(), limit: z.number().int().min(1).max(MAX_PULL_CHANGES).optional() }),
  /** The latest status of tickets a phone page may show (throttled per ticket by the office). */
  'tickets:status': z.strictObject({ statuses: z.array(phoneTicketStatusSchema).min(1).max(MAX_PHONE_STATUSES) }),
  /**
   * The questionnaire both ways in one round trip: up, the answers and page openings of the
   * office's own ticket page not yet acknowledged; down, central's (its phone page's) of this
   * office's tickets answered or opened at or after `since` (ms; the office asks with some overlap,
   * and taking one twice does nothing).
   */
  'questionnaire:sync': z.strictObject({
    since: z.number().int().nonnegative(),
    answers: z.array(syncedQuestionnaireAnswerSchema).max(MAX_QUESTIONNAIRE_SYNC),
    pageOpens: z.array(syncedPageOpenSchema).max(MAX_QUESTIONNAIRE_SYNC),
  }),
};

export interface SyncResults {
  'office:hello': { bookingsVersion: number };
  /** `resendFrom`: central holds the office's log only up to just before this seq; send from there again. */
  'events:push': { acked: string[]; resendFrom?: number };
  'bookings:pull': { changes: BookingChange[]; version: number; more: boolean };
  'tickets:status': { accepted: number };
  /**
   * `accepted`: ticket ids of the office's answers central now holds (one it cannot place yet, its
   * ticket's events not synced, is left out and sent again); `opened`: likewise for page openings;
   * `answers`/`pageOpens`: central's since `since`, oldest first; `more`: a full page, ask again from `until`.
   */
  'questionnaire:sync': { accepted: string[]; opened: string[]; answers: SyncedQuestionnaireAnswer[]; pageOpens: SyncedPageOpen[]; until: number; more: boolean };
}

export type OfficeSyncClientEvents = CommandEvents<typeof syncCommands, SyncResults>;

/**
 * Central's answers as the office checks them before it acts on them. Like booking changes, they
 * drop what a newer central adds. Each booking change is checked on its own (`bookingChangeSchema`)
 * so one bad change cannot hold up the ones behind it.
 */
export const syncResultSchemas = {
  'office:hello': z.object({ ok: z.literal(true), bookingsVersion: z.number().int().nonnegative() }),
  'events:push': z.object({
    ok: z.literal(true),
    acked: z.array(idField).max(MAX_PUSH_MESSAGES),
    resendFrom: z.number().int().positive().optional(),
  }),
  'bookings:pull': z.object({
    ok: z.literal(true),
    changes: z.array(z.unknown()).max(MAX_PULL_CHANGES),
    version: z.number().int().nonnegative(),
    more: z.boolean(),
  }),
  'tickets:status': z.object({ ok: z.literal(true), accepted: z.number().int().nonnegative() }),
  'questionnaire:sync': z.object({
    ok: z.literal(true),
    accepted: z.array(idField).max(MAX_QUESTIONNAIRE_SYNC),
    opened: z.array(idField).max(MAX_QUESTIONNAIRE_SYNC),
    // Checked one by one by the office, so one it cannot read does not hold up the rest.
    answers: z.array(z.unknown()).max(MAX_QUESTIONNAIRE_SYNC),
    pageOpens: z.array(z.unknown()).max(MAX_QUESTIONNAIRE_SYNC),
    until: z.number().int().nonnegative(),
    more: z.boolean(),
  }),
};

/** A refusal from central, as the office reads it. */
export const syncFailureSchema = z.object({ ok: z.literal(false), code: z.string().max(64), message: z.string().max(2_000) });

export interface OfficeSyncServerEvents {
  /** A nudge: something changed for this office; pull when ready. */
  'bookings:changed': (notice: { version: number }) => void;
  /** A visitor at home asks for today's place; the office answers with the ticket or a refusal (remote-queue.ts). */
  'remote:join': (request: RemoteJoinRequest, ack: (answer: unknown) => void) => void;
  /** «Я на месте» from the phone page, with where the phone is. */
  'remote:arrive': (request: RemoteArriveRequest, ack: (answer: unknown) => void) => void;
}

export const OFFICE_NAMESPACE = '/office';
