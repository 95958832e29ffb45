import type { QualityDayCounts, QualityVisit, QuestionnaireAnswer } from '@talon/domain';
import type { BookingChange, CentralBookingStatus, OfficeSummary, SyncedPageOpen, SyncedQuestionnaireAnswer, SyncOutboxMessage } from '@talon/protocol';
import type { StoredQualityDay } from './quality-rows.js';
import type { QuestionnaireTicket, StoredQuestionnaireAnswer } from './questionnaire-rows.js';

/** A booking as central holds it; `phone` and `customerName` are gone after the retention period. */
export interface CentralBooking {
  id: string;
  code: string;
  officeId: string;
  serviceId: string;
  slotStart: number;
  slotMinutes: number;
  status: CentralBookingStatus;
  /** Made on-line (central) or taken at the office and reported up. */
  origin: 'central' | 'office';
  customerName: string | null;
  phone: string | null;
  ticketId: string | null;
  createdAt: number;
  version: number;
}

export interface NewCentralBooking {
  id: string;
  code: string;
  officeId: string;
  serviceId: string;
  slotStart: number;
  slotMinutes: number;
  /** Places in the slot; the store refuses the booking that would exceed it. */
  capacity: number;
  customerName: string;
  phone: string;
  at: number;
}

export type CreateBookingOutcome = { ok: true; booking: CentralBooking } | { ok: false; reason: 'slot-full' | 'code-taken' };

/** Raw counts per office and day; the report turns them into rates. */
export interface ReportCounts {
  officeId: string;
  day: string;
  tickets: number;
  served: number;
  noShows: number;
  withinStandard: number;
  waitMsTotal: number;
  waited: number;
  ratings: number;
  satisfied: number;
  bookings: number;
  bookingsArrived: number;
  bookingsDue: number;
}

/**
 * A visitor's request to be told before their turn and when called (the phone page). `address`
 * is the channel's own: a web push subscription as JSON, or a phone number, which is kept only
 * with its consent (text and time) and forgotten with the office day.
 */
export interface PhoneNudge {
  id: string;
  officeId: string;
  ticketId: string;
  officeDay: string;
  channel: string;
  address: string;
  /** Nudge when this many people (or fewer) are ahead. */
  peopleLeft: number;
  consentText: string | null;
  consentAt: number | null;
  createdAt: number;
  /** When the "N left" and the "called" nudges were sent; each is sent once, never twice. */
  aheadSentAt: number | null;
  calledSentAt: number | null;
}
export type NewPhoneNudge = Omit<PhoneNudge, 'aheadSentAt' | 'calledSentAt'>;
export type NudgeMoment = 'ahead' | 'called';

/** A place taken from home the office granted, by the join request's idempotency key. */
export interface RemoteJoin {
  officeId: string;
  requestKey: string;
  ticketId: string;
  number: string;
  serviceId: string;
  officeDay: string;
  /** The arrival code for the kiosk (not personal: it names no one, and dies with the day). */
  code: string;
  createdAt: number;
}

/**
 * Everything the central service keeps, behind one interface so a PostgreSQL store can replace
 * the SQLite one when one machine is not enough. Methods are async for that reason, and every
 * method that writes is atomic on its own: a half-ingested batch or an over-booked slot cannot
 * be observed.
 */
export interface CentralStore {
  saveOfficeSummary(officeId: string, summary: OfficeSummary, at: number): Promise<void>;
  /**
   * An office's `office:hello`: keeps its summary (rewritten only if it changed) and answers its
   * bookings version, in one round trip to the database; hellos arriving together may share it.
   */
  officeHello(officeId: string, summary: OfficeSummary, at: number): Promise<{ bookingsVersion: number; summaryChanged: boolean }>;
  officeSummaries(): Promise<Map<string, OfficeSummary>>;

  /**
   * Takes a batch of one office's outbox rows: stores each event id once, projects first-seen
   * events into tickets and bookings in the office's order, and answers the ids it now holds
   * (duplicates included). A row that would leave a gap in the office's seq stops the batch there:
   * `resendFrom` names the seq central needs next.
   */
  ingest(officeId: string, messages: SyncOutboxMessage[], at: number): Promise<{ acked: string[]; bookingsChanged: boolean; resendFrom?: number }>;

  createBooking(booking: NewCentralBooking): Promise<CreateBookingOutcome>;
  /**
   * Every booking holding this code, oldest first: made on-line or at an office's counter and
   * reported up. Usually one; offices make their codes without asking central, so two offices (or
   * an office and central) may have handed out the same code, and the visitor's phone digits choose.
   */
  bookingsByCode(code: string): Promise<CentralBooking[]>;
  /**
   * Cancels a booking still `booked`, on-line or office-made, freeing its place and giving it a new
   * version (so the office's next pull brings the cancel down); answers it as it is afterwards, or
   * undefined if unknown. A booking the office checked in meanwhile stays as it is.
   */
  cancelBooking(bookingId: string, at: number): Promise<CentralBooking | undefined>;
  /** Bookings still `booked` for this phone whose slot has not begun by `now`. */
  activeBookingsOfPhone(phone: string, now: number): Promise<number>;
  /** Places taken per slot start, for one office's service between two instants. */
  bookedPerSlot(officeId: string, serviceId: string, from: number, to: number): Promise<Map<number, number>>;
  bookingChangesSince(officeId: string, since: number, limit: number): Promise<{ changes: BookingChange[]; version: number }>;
  bookingsVersion(officeId: string): Promise<number>;
  /** The booking versions of many offices in one call (offices with no bookings are left out). */
  bookingsVersions(officeIds: string[]): Promise<Map<string, number>>;

  /** Clears names and phone numbers of bookings whose slot ended before `cutoff`; answers how many. */
  forgetPersonalData(cutoff: number): Promise<number>;
  /**
   * Report counts for office days in [from, to] (local dates), every office or one: closed days
   * from their roll-up (counted first where missing), the rest from the tickets. `rolledUp: false`
   * reads every day from the tickets, the reference the contract tests and the bench compare with.
   */
  reportCounts(query: { from: string; to: string; officeId?: string; now: number; rolledUp?: boolean }): Promise<ReportCounts[]>;
  /** Counts and keeps every office's closed days in [from, to] not rolled up yet; answers how many office days. */
  rollUpReportDays(query: { from: string; to: string; now: number }): Promise<number>;
  /**
   * One office's visits of office days from..to, for the quality programme's day counts, and with
   * `lookBackFrom` (before `from`) the served visits holding an account key of the days from it to
   * `from`: all a repeat needs of the window before, a fifth of its rows or fewer.
   */
  qualityVisits(officeId: string, from: string, to: string, lookBackFrom?: string): Promise<QualityVisit[]>;
  /** Stored quality day counts of office days from..to (a late event for a day has removed its row). */
  qualityDays(from: string, to: string): Promise<StoredQualityDay[]>;
  /**
   * Served visits rated 1–2 of office days from..to of these offices, newest day and rating first,
   * at most `limit`; `more` when there are others. Read backwards along a partial index of low
   * ratings (migration 0080), which stops at the limit: a month of 300 offices holds ~300,000.
   */
  lowRatedVisits(officeIds: readonly string[], from: string, to: string, limit: number): Promise<{ more: boolean; visits: { officeId: string; visit: QualityVisit }[] }>;
  /** Which office days from..to have stored quality counts: the hourly pass's check, without reading the counts. */
  countedQualityDays(from: string, to: string): Promise<{ officeId: string; officeDay: string }[]>;
  saveQualityDays(officeId: string, days: readonly QualityDayCounts[], at: number): Promise<void>;
  /** The office days of visits issued before `cutoff` that still hold an account key. */
  accountKeyDays(cutoff: number): Promise<{ officeId: string; officeDay: string }[]>;
  /** Clears the account keys of visits issued before `cutoff`; answers how many. */
  forgetAccountKeys(cutoff: number): Promise<number>;
  /** The ticket's phone page was opened: kept once per ticket (the first time), the questionnaire's reach. */
  markPhonePageOpened(officeId: string, ticketId: string, officeDay: string, at: number): Promise<void>;
  /** The ticket as the questionnaire sees it (its status, service, operator, whether answered); undefined if central has not heard of it. */
  questionnaireTicket(officeId: string, ticketId: string): Promise<QuestionnaireTicket | undefined>;
  /**
   * Keeps the ticket's one answer: true for the first, false when it holds one already (another
   * node, a double tap). The answer's day loses its stored counts, so the next read counts it.
   */
  saveQuestionnaireAnswer(answer: StoredQuestionnaireAnswer): Promise<boolean>;
  /**
   * One office's answers and first page openings given at or after `since` (ms), oldest first, at
   * most `limit` of each: what goes down to the office by `questionnaire:sync`.
   */
  questionnaireSince(officeId: string, since: number, limit: number): Promise<{ answers: SyncedQuestionnaireAnswer[]; pageOpens: SyncedPageOpen[] }>;
  /** One office's answers for visits of office days from..to. */
  questionnaireAnswers(officeId: string, from: string, to: string): Promise<QuestionnaireAnswer[]>;
  savePhoneNudge(nudge: NewPhoneNudge): Promise<void>;
  /** The nudges asked for these tickets of one office. */
  phoneNudgesOf(officeId: string, ticketIds: readonly string[]): Promise<PhoneNudge[]>;
  /**
   * Marks a nudge's moment as sent, atomically: true for the one caller that marked it, false for
   * every other (another node, a repeat after a restart). Marked before sending, so never twice.
   */
  claimPhoneNudge(id: string, moment: NudgeMoment, at: number): Promise<boolean>;
  /** Forgets one office's nudges (and with them the phone numbers) of office days before `day`. */
  forgetPhoneNudges(officeId: string, beforeDay: string): Promise<number>;
  /** Keeps a granted join; a second one with the same office and key keeps the first, which is answered. */
  saveRemoteJoin(join: RemoteJoin): Promise<RemoteJoin>;
  remoteJoinByKey(officeId: string, requestKey: string): Promise<RemoteJoin | undefined>;
  remoteJoinOfTicket(officeId: string, ticketId: string): Promise<RemoteJoin | undefined>;
  /** Forgets one office's joins of office days before `day`. */
  forgetRemoteJoins(officeId: string, beforeDay: string): Promise<number>;
  /** A value central generates once and keeps (the VAPID keys): the stored one, or `value` if none was. */
  settingOnce(name: string, value: string): Promise<string>;
  /** How many copies of each event id central holds; a fault test wants exactly one of each. */
  eventCount(officeId: string): Promise<number>;

  close(): Promise<void>;
}

/**
 * The store's database cannot be reached just now (down, restarting, out of connections). Callers
 * answer `unavailable` (retry later) instead of `internal`; the store recovers by itself.
 */
export class CentralStoreUnavailableError extends Error {
  override name = 'CentralStoreUnavailableError';
}
