import { z } from 'zod';
import { bookingCodeDigits, idField, instantField, dateField } from './fields.js';
import type { CentralBookingStatus } from './sync.js';

/**
 * The central booking service's public HTTP API (the booking page and the company's website):
 * bodies and answers, written once. Every answer is `{ok: true, ...}` or `{ok: false, code, message}`.
 */

export const BOOKING_API_ERROR_CODES = [
  'invalid-payload',
  'payload-too-large',
  'rate-limited',
  'unauthorized',
  /** The credential sent is good, but not for this (central's permissions table, docs/protocol.md). */
  'forbidden',
  'not-found',
  'internal',
  /** Central's database is down for now: try again in a little while (HTTP 503 with Retry-After). */
  'unavailable',
  'unknown-office',
  'unknown-service',
  'service-not-bookable',
  /** Not a slot the office offers: outside hours, on a holiday or a break, in the past, off the grid. */
  'slot-unavailable',
  /** Someone else took the last place first. */
  'slot-full',
  'consent-required',
  /** This phone number already holds as many upcoming bookings as the company allows. */
  'too-many-bookings',
  'booking-not-found',
  'booking-not-cancellable',
  /** The phone page's token (the ticket's QR) does not verify: forged, cut short, or from an unknown office. */
  'phone-token-invalid',
  /** The phone page's token is from another office day: a ticket lives for its day. */
  'phone-token-expired',
  /** This ticket's questionnaire is answered already: one answer per ticket, a second is refused. */
  'questionnaire-answered',
  /** The questionnaire opens once central knows the visit was served (not before, not after a no-show). */
  'questionnaire-not-open',
  // A place taken from home (remote-queue.ts).
  'remote-unavailable',
  'remote-not-offered',
  'remote-full',
  'remote-cut-off',
  'office-closed',
  'remote-not-near',
  'remote-already-arrived',
  'unknown-ticket',
] as const;
export type BookingApiErrorCode = (typeof BOOKING_API_ERROR_CODES)[number];

export interface BookingApiFailure {
  ok: false;
  code: BookingApiErrorCode;
  message: string;
}
export type BookingApiAnswer<T extends object> = ({ ok: true } & T) | BookingApiFailure;

export const bookingDateField = dateField;

/** Russian mobile and city numbers, written any usual way; stored as +7 and ten digits. */
export const phoneField = z
  .string()
  .trim()
  .max(32)
  .transform((raw) => raw.replace(/[\s()-]/g, ''))
  .pipe(z.string().regex(/^(\+7|8|7)\d{10}$/, 'a Russian phone number: +7 and ten digits'))
  .transform((digits) => `+7${digits.slice(-10)}`);

export const customerNameField = z.string().trim().min(1, 'a name is needed').max(100);

export const createBookingBodySchema = z.strictObject({
  officeId: idField,
  serviceId: idField,
  slotStart: instantField,
  name: customerNameField,
  phone: phoneField,
  /** The separate, explicit consent to personal-data processing (152-ФЗ): must be `true`. */
  personalDataConsent: z.literal(true, { message: 'consent to personal-data processing is required' }),
});
export type CreateBookingBody = z.input<typeof createBookingBodySchema>;

export const slotsQuerySchema = z.strictObject({ serviceId: idField, date: bookingDateField });

/** The code in `/api/bookings/:code`: 12 digits (6 and 8 for codes handed out before), spaces ignored. */
export const bookingCodeParam = bookingCodeDigits;

/**
 * The second factor for looking up or cancelling a booking on-line: the code alone is not enough.
 * `phone4` is the last four digits of the phone given when booking.
 */
export const bookingProofQuerySchema = z.object({ phone4: z.string().regex(/^[0-9]{4}$/, 'the last 4 digits of the phone') });

/** `GET /api/bookings/:code/calendar.ics`: the proof above and the calendar's language. */
export const bookingCalendarQuerySchema = bookingProofQuerySchema.extend({ lang: z.enum(['ru', 'en']).default('ru') });

export const reportQuerySchema = z.strictObject({
  from: bookingDateField,
  to: bookingDateField,
  officeId: idField.optional(),
  format: z.enum(['json', 'csv']).optional(),
});

export interface PublicServiceView {
  id: string;
  name: string;
  nameEn?: string;
  slotMinutes: number;
}

export interface PublicOfficeView {
  id: string;
  name: string;
  nameEn?: string;
  address?: string;
  addressEn?: string;
  timeZone: string;
  services: PublicServiceView[];
  /** The office's local days open for booking from today, YYYY-MM-DD. */
  days: string[];
  checkInEarlyMinutes: number;
}

/** Who holds the visitor's data: named in the consent, with the privacy policy's link. */
export interface PublicCompanyView {
  name: string;
  nameEn?: string;
  privacyPolicyUrl?: string;
}

export interface PublicSlotView {
  start: number;
  minutes: number;
  capacity: number;
  free: number;
}

/** What the visitor sees of a booking: never the phone number in full. */
export interface PublicBookingView {
  code: string;
  officeId: string;
  officeName: string;
  officeNameEn?: string;
  /** Where to come, for the confirmation and the calendar file. */
  officeAddress?: string;
  officeAddressEn?: string;
  serviceId: string;
  serviceName: string;
  serviceNameEn?: string;
  slotStart: number;
  slotMinutes: number;
  timeZone: string;
  status: CentralBookingStatus;
  customerName: string;
  phoneMasked: string;
}

export interface BookingApiResults {
  'GET /api/offices': { offices: PublicOfficeView[]; retentionDays: number; company?: PublicCompanyView };
  'GET /api/offices/:officeId/slots': { slots: PublicSlotView[] };
  'POST /api/bookings': { booking: PublicBookingView };
  'GET /api/bookings/:code': { booking: PublicBookingView };
  'POST /api/bookings/:code/cancel': { booking: PublicBookingView };
}

/** One row of the company report: one office, one day. */
export interface CompanyReportRow {
  officeId: string;
  officeName: string;
  day: string;
  tickets: number;
  served: number;
  noShows: number;
  /** Served tickets whose wait (issue or slot start to first call) was within the office standard. */
  withinStandard: number;
  averageWaitMin: number | null;
  ratings: number;
  /** Share of 4 and 5 among the ratings, 0..1. */
  satisfaction: number | null;
  bookings: number;
  bookingsArrived: number;
  /** Arrived among bookings whose slot has come, 0..1. */
  bookingShowUpRate: number | null;
}

