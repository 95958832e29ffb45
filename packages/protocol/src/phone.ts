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
  /**
   * The range told with the estimate (the kiosk's and the paper's «15–25 мин», from the office's own
   * recent errors). Absent from offices before it, and while there is no estimate.
   */
  waitRange: z
    .strictObject({ fromMin: z.number().int().nonnegative(), toMin: z.number().int().nonnegative() })
    .refine((r) => r.toMin >= r.fromMin, { message: 'toMin before fromMin' })
    .optional(),
  /** The desk's number as the hall shows it, while called or served. */
  deskNumber: z.string().min(1).max(16).optional(),
  /** When the office computed this status. */
  at: instantField,
  /**
   * A place taken from home: the code to show at the kiosk, whether the visitor has said they are
   * here, and whether their turn has passed once already (the next time, the place expires).
   */
  remote: z.strictObject({ code: z.string().regex(/^[0-9]{12}$/), arrived: z.boolean(), skipped: z.boolean() }).optional(),
});
export type PhoneTicketStatus = z.infer<typeof phoneTicketStatusSchema>;

export const MAX_PHONE_STATUSES = 500;

/** `/phone` namespace: open pages on central. */
export const PHONE_NAMESPACE = '/phone';

/**
 * A page follows a ticket by the signed token from the paper ticket's QR (server-edge
 * phone-token.ts), never by bare ids: ticket ids are not secrets.
 */
export const phoneWatchSchema = z.strictObject({ token: z.string().min(1).max(200) });
export type PhoneWatch = z.infer<typeof phoneWatchSchema>;

/** Why a phone page cannot show its ticket: a token that does not verify, or one from another day. */
export const PHONE_TOKEN_REFUSALS = ['phone-token-invalid', 'phone-token-expired'] as const;
export type PhoneTokenRefusal = (typeof PHONE_TOKEN_REFUSALS)[number];

/**
 * `GET /api/phone/<token>`: what the page shows around the live status: the office, its hours
 * today, its services' names (the status names the service by id). Nothing about the visitor.
 */
export interface PhonePageInfo {
  ok: true;
  officeId: string;
  officeDay: string;
  office: {
    name: string;
    nameEn?: string;
    address?: string;
    addressEn?: string;
    /** Today's hours in the office's time, or null when it is closed today. */
    hoursToday: { open: string; close: string } | null;
  } | null;
  services: { id: string; name: string; nameEn?: string }[];
  /** For a place taken from home: whether «Я на месте» may send the phone's position (the office set its coordinates). */
  remoteArrival?: { byLocation: boolean };
  /** The nudges central can send: web push with its VAPID public key, SMS with the consent to show. */
  nudges: { webPush?: { publicKey: string }; sms?: { consentText: string } };
}

export const DEFAULT_NUDGE_PEOPLE_LEFT = 3;

const pushSubscriptionSchema = z.strictObject({
  endpoint: z.string().regex(/^https?:\/\/\S+$/).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/), auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/) }),
});

/**
 * `POST /api/phone/<token>/nudges`: tell me when this many people are left, and when I am called.
 * A phone number comes only with its own consent, to the text the page showed.
 */
export const phoneNudgeRequestSchema = z.strictObject({
  peopleLeft: z.number().int().min(1).max(50).default(DEFAULT_NUDGE_PEOPLE_LEFT),
  language: z.enum(['ru', 'en']).default('ru'),
  channel: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('web-push'), subscription: pushSubscriptionSchema }),
    z.strictObject({
      kind: z.literal('sms'),
      phone: z.string().regex(/^\+?[0-9][0-9 ()-]{6,20}$/),
      consent: z.strictObject({ given: z.literal(true), text: z.string().min(10).max(1000) }),
    }),
  ]),
});
export type PhoneNudgeRequest = z.infer<typeof phoneNudgeRequestSchema>;

/**
 * `POST /api/phone/<token>/questionnaire`: the visitor's post-visit questionnaire. The ticket is
 * the token's; either question may be skipped, not both. Central keeps one answer per ticket and
 * refuses a second (`questionnaire-answered`): an answer is final, so a reload, a double tap or a
 * second phone cannot count twice or rewrite it. The indicators take these as `QuestionnaireAnswer`s
 * (packages/domain quality/questionnaire.ts).
 */
export const phoneQuestionnaireAnswerSchema = z
  .strictObject({
    /** «Ваш вопрос решён?» */
    solved: z.boolean().optional(),
    /** «Насколько легко было?» 1 (very hard) … 5 (very easy). */
    ease: z.number().int().min(1).max(5).optional(),
  })
  .refine((a) => a.solved !== undefined || a.ease !== undefined, { message: 'answer at least one question' });
export type PhoneQuestionnaireAnswer = z.infer<typeof phoneQuestionnaireAnswerSchema>;

/**
 * Where the ticket's questionnaire stands (`GET /api/phone/<token>/questionnaire`): `pending` until
 * central holds the visit's end (the page asks again), `open` for a served visit not yet answered,
 * `answered`, or `not-served` (a no-show or a cancelled ticket is not asked).
 */
export const PHONE_QUESTIONNAIRE_STATES = ['pending', 'open', 'answered', 'not-served'] as const;
export type PhoneQuestionnaireState = (typeof PHONE_QUESTIONNAIRE_STATES)[number];
export interface PhoneQuestionnaireStatus {
  ok: true;
  state: PhoneQuestionnaireState;
}

export interface PhoneWatchResult {
  ok: true;
  /** The latest the office sent; null when central has heard nothing of this ticket yet. */
  status: PhoneTicketStatus | null;
  /** Whether the office's link to central is up: when it is not, the page says "updates paused". */
  linked: boolean;
}

export interface PhoneClientEvents {
  /** Start following one ticket; answers its current status at once. */
  'ticket:watch': (watch: PhoneWatch, ack: (result: PhoneWatchResult | { ok: false; code: PhoneTokenRefusal | 'invalid-payload' | 'rate-limited'; message: string }) => void) => void;
}

export interface PhoneServerEvents {
  'ticket:status': (status: PhoneTicketStatus) => void;
  'office:link': (link: { officeId: string; linked: boolean }) => void;
}
