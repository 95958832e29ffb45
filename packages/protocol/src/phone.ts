import { z } from 'zod';
import { idField, instantField, dateField } from './fields.js';

/**
 * The visitor's phone: what the office tells central about a waiting ticket so that central, the
 * part of Talon on the internet, can show it on the phone page. The office stays authoritative:
 * central only keeps the latest status per ticket and passes it on.
 */

/** Where the ticket is, as the phone page shows it; `finished` covers done, no-show and cancelled. */
export const PHONE_TICKET_STATES = ['waiting', 'called', 'serving', 'postponed', 'finished'] as const;
export type PhoneTicketState = (typeof PHONE_TICKET_STATES)[number];

export const phoneTicketStatusSchema = z.strictObject({
  ticketId: idField,
  number: z.string().min(1).max(16),
  serviceId: idField,
  officeDay: dateField,
  state: z.enum(PHONE_TICKET_STATES),
  /** Visitors the call policy takes before this one; 0 once called. */
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMin: z.number().int().nonnegative().nullable(),
  /** The desk's number as the hall shows it, while called or served. */
  deskNumber: z.string().min(1).max(16).optional(),
  /** When the office computed this status. */
  at: instantField,
});
export type PhoneTicketStatus = z.infer<typeof phoneTicketStatusSchema>;

export const MAX_PHONE_STATUSES = 500;

/** `/phone` namespace: open pages on central. */
export const PHONE_NAMESPACE = '/phone';

export const phoneWatchSchema = z.strictObject({ officeId: idField, ticketId: idField });
export type PhoneWatch = z.infer<typeof phoneWatchSchema>;

export interface PhoneWatchResult {
  ok: true;
  /** The latest the office sent; null when central has heard nothing of this ticket yet. */
  status: PhoneTicketStatus | null;
  /** Whether the office's link to central is up: when it is not, the page says "updates paused". */
  linked: boolean;
}

export interface PhoneClientEvents {
  /** Start following one ticket; answers its current status at once. */
  'ticket:watch': (watch: PhoneWatch, ack: (result: PhoneWatchResult | { ok: false; code: string; message: string }) => void) => void;
}

export interface PhoneServerEvents {
  'ticket:status': (status: PhoneTicketStatus) => void;
  'office:link': (link: { officeId: string; linked: boolean }) => void;
}
