import { z } from 'zod';
import { dateField, idField } from './fields.js';

/**
 * A place taken from home: central's booking page asks for today's place in an office's line, the
 * office decides over the sync link (it stays authoritative), and the visitor follows the ticket
 * on the same phone page as a paper ticket's. They confirm arrival with the 12-digit code at the
 * kiosk (typed, or the page's QR under the kiosk's scanner), or with the page's «Я на месте» when
 * the phone is on the office's network or near it.
 */

/** The arrival code: as many digits as a booking code, so the kiosk's one code field takes both. */
export const REMOTE_CODE_DIGITS = 12;
export const remoteCodeField = z.string().regex(new RegExp(`^[0-9]{${REMOTE_CODE_DIGITS}}$`));

/**
 * The client's idempotency key: the page makes one per "join" press and sends it again on a retry,
 * so a retried request finds its ticket instead of taking a second place.
 */
export const requestKeyField = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '16 to 64 letters, digits, - or _');

/** `POST /api/remote/join` on central. */
export const remoteJoinBodySchema = z.strictObject({
  officeId: idField,
  serviceId: idField,
  requestKey: requestKeyField,
});
export type RemoteJoinBody = z.infer<typeof remoteJoinBodySchema>;

/** A position the phone gave with the visitor's permission (the Geolocation API). */
export const phonePositionSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** The radius of the position's uncertainty, metres. */
  accuracyMeters: z.number().nonnegative().max(100_000),
});
export type PhonePosition = z.infer<typeof phonePositionSchema>;

/** `POST /api/phone/<token>/arrived`: «Я на месте». The position only if the visitor allowed it. */
export const remoteArrivalBodySchema = z.strictObject({ position: phonePositionSchema.optional() });

/** `GET /api/remote/offices`: offices with services that take places from home, and whether each is reachable now. */
export interface RemoteOfficesAnswer {
  ok: true;
  offices: {
    id: string;
    name: string;
    nameEn?: string;
    address?: string;
    addressEn?: string;
    /** The office's link to central is up: only then can it give a place. */
    linked: boolean;
    services: { id: string; name: string; nameEn?: string }[];
  }[];
}

/** The answer to a join: the phone page to open and the code for the kiosk. */
export interface RemoteJoinAnswer {
  ok: true;
  officeId: string;
  ticketId: string;
  number: string;
  serviceId: string;
  /** The 12 digits for the kiosk (named apart from a refusal's `code`). */
  arrivalCode: string;
  /** `/p/<token>`, the same live page a paper ticket's QR opens. */
  pagePath: string;
}

/** Central -> office over the sync link: "give this visitor a place". */
export const remoteJoinRequestSchema = z.strictObject({ serviceId: idField, requestKey: requestKeyField });
export type RemoteJoinRequest = z.infer<typeof remoteJoinRequestSchema>;

/** The office's answer; read by central like any input. */
export const remoteJoinResultSchema = z.object({
  ok: z.literal(true),
  ticketId: idField,
  number: z.string().min(1).max(16),
  serviceId: idField,
  officeDay: dateField,
  code: remoteCodeField,
});
export type RemoteJoinResult = z.infer<typeof remoteJoinResultSchema>;

/**
 * Central -> office: «Я на месте» from the phone page, with the phone's public address as central
 * saw it and its position if given. The office checks both against its own config.
 */
export const remoteArriveRequestSchema = z.strictObject({
  ticketId: idField,
  address: z.string().min(1).max(64),
  position: phonePositionSchema.optional(),
});
export type RemoteArriveRequest = z.infer<typeof remoteArriveRequestSchema>;
export const remoteArriveResultSchema = z.object({ ok: z.literal(true) });

/** The office's refusals of either request, as central passes them to the page. */
export const REMOTE_REFUSAL_CODES = [
  /** The office's link is down (or it did not answer in time): joining from home is unavailable right now. */
  'remote-unavailable',
  'remote-not-offered',
  'remote-full',
  'remote-cut-off',
  'office-closed',
  'unknown-service',
  /** «Я на месте» from a phone neither on the office's network nor near it. */
  'remote-not-near',
  'remote-already-arrived',
  'unknown-ticket',
] as const;
export type RemoteRefusalCode = (typeof REMOTE_REFUSAL_CODES)[number];
export const remoteRefusalSchema = z.object({ ok: z.literal(false), code: z.enum(REMOTE_REFUSAL_CODES), message: z.string().max(2_000) });

/** How long central waits for the office's answer before telling the page "unavailable right now". */
export const REMOTE_ANSWER_TIMEOUT_MS = 8_000;
