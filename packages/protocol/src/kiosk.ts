import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import { accountNumberField, bookingCodeField, idField, languageField } from './fields.js';
import type { CategoryView, OfficeView, PrinterHealth, ServiceGroupView, ServiceView, TicketView } from './views.js';

export const kioskCommands = {
  'ticket:issue': z.strictObject({
    serviceId: idField,
    categoryId: idField.optional(),
    accountNumber: accountNumberField.optional(),
    language: languageField.optional(),
  }),
  'booking:check-in': z.strictObject({
    code: bookingCodeField,
    /** A late visitor may accept a plain ticket for the booked service instead. */
    acceptWalkIn: z.boolean().optional(),
    language: languageField.optional(),
  }),
  'kiosk:snapshot': z.strictObject({}),
};

export type PrintOutcome =
  /** Sent to the printer's agent; the result follows as `print:result`. */
  | 'queued'
  /** No printer for this kiosk: the ticket is shown on screen. */
  | 'no-printer'
  /** The printer reported a problem: the ticket is shown on screen. */
  | 'printer-unavailable';

/** The range told around an estimate: cut from the office's own recent errors (minutes). */
export interface WaitRange {
  fromMin: number;
  toMin: number;
}

export interface IssuedTicket {
  ticket: TicketView;
  peopleAhead: number;
  estimatedWaitMin: number | null;
  /** Present with an estimate. */
  waitRange?: WaitRange;
  /**
   * The estimate runs past today's closing (or, with no desk open yet to estimate from, not even
   * every desk that serves the service could reach the visitor before it). No estimate alone is
   * no reason to warn.
   */
  mayNotBeServedToday: boolean;
  /** When the office closes today, if it keeps hours. */
  closesAt?: number;
  print: PrintOutcome;
  trackUrl?: string;
  /** Set when a late booking was turned into a plain ticket. */
  lateBooking?: boolean;
  /** Set when the code was a place taken from home's: the visitor is marked arrived, in the place they took. */
  remoteArrival?: boolean;
}

export interface KioskResults {
  'ticket:issue': IssuedTicket;
  'booking:check-in': IssuedTicket;
  'kiosk:snapshot': { state: KioskState };
}

export interface KioskServiceView extends ServiceView {
  waiting: number;
  estimatedWaitMin: number | null;
  /** Present with an estimate: what a visitor taking a ticket now would be told. */
  waitRange?: WaitRange;
}

export interface KioskState {
  kioskId: string;
  office: OfficeView;
  services: KioskServiceView[];
  groups: ServiceGroupView[];
  categories: CategoryView[];
  printer: { configured: boolean; status: PrinterHealth; paperTickets: boolean };
}

export type KioskClientEvents = CommandEvents<typeof kioskCommands, KioskResults>;

export interface KioskServerEvents {
  'kiosk:state': (state: KioskState) => void;
  'print:result': (result: { ticketId: string; printed: boolean; status: PrinterHealth }) => void;
}
