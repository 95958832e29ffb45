/**
 * The static description of one office that the queue rules read: what it serves, where, by
 * whom, when, and the standards it is held to. Built by the office server from its config file.
 */

/** Latin letters that look like Cyrillic ones, because LED desk displays show Latin only. */
export const TICKET_PREFIXES = ['A', 'B', 'E', 'K', 'M', 'H', 'O', 'P', 'C', 'T', 'X'] as const;
export type TicketPrefix = (typeof TICKET_PREFIXES)[number];

export interface ServiceOutcome {
  id: string;
  name: string;
  /** Counted as a complaint by the quality programme. */
  complaint?: boolean;
}

export interface ServiceDefinition {
  id: string;
  name: string;
  prefix: TicketPrefix;
  /** Used for the estimated wait until the office has served enough visitors to measure. */
  normMinutes: number;
  /** What a finished visit may be recorded as; empty means no outcome is asked. */
  outcomes: ServiceOutcome[];
  /** What the desk must record before a visit of this service may be finished (none when absent). */
  finishRequires?: FinishRequirements;
  /** Present when visitors may take today's place in line from home (central's booking page). */
  remoteQueue?: RemoteQueueRules;
}

/** A service's places taken from home. */
export interface RemoteQueueRules {
  /** Places taken from home that may wait (not yet called) at once for this service. */
  maxWaiting: number;
  /** No place is taken from home this many minutes before the office closes. */
  cutOffMinutes: number;
}

/**
 * What a desk must have recorded before it may finish a visit: an outcome (for a service that has
 * outcomes), and for a priority visitor the document check (seen or not seen). Set per service and
 * per category; a visit owes what either of them asks.
 */
export interface FinishRequirements {
  outcome?: boolean;
  documentCheck?: boolean;
}

export interface DeskServiceEntry {
  serviceId: string;
  /** Longer-waiting tickets of a heavier service are preferred (weighted mode). */
  weight: number;
}

export interface DeskDefinition {
  id: string;
  /** Shown on the board and spoken: "окно 3". */
  number: number;
  name: string;
  /** In the desk's preferred order. */
  services: DeskServiceEntry[];
  /**
   * `order`: the first listed service with anyone waiting is served first.
   * `weighted`: the ticket with the highest (wait x weight) is served first.
   */
  servicePolicy: 'order' | 'weighted';
}

export interface PriorityCategory {
  id: string;
  name: string;
  /** What the visitor shows at the desk, e.g. a disability certificate. */
  document: string;
  /** What the desk must record before finishing this category's visitor (none when absent). */
  finishRequires?: FinishRequirements;
}

export interface OperatorDefinition {
  id: string;
  name: string;
}

/** "HH:MM" in the office's own time zone. */
export type LocalTime = string;

export interface OpeningHours {
  open: LocalTime;
  close: LocalTime;
}

/** Monday is 1, Sunday is 7 (ISO weekday). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface ScheduledBreak {
  operatorId: string;
  from: LocalTime;
  to: LocalTime;
  reason: PauseReason;
  /** The weekdays it applies on; every working day when absent (a short Saturday has its own lunch). */
  days?: IsoWeekday[];
}

export interface OfficeSchedule {
  /** IANA zone, e.g. Europe/Moscow. */
  timeZone: string;
  /** A demo office is open around the clock; a real one keeps `week`. */
  alwaysOpen: boolean;
  week: Partial<Record<IsoWeekday, OpeningHours>>;
  /** Local dates "YYYY-MM-DD" when the office is closed. */
  holidays: string[];
  /** Dates with their own hours instead of their weekday's: a shortened pre-holiday day, a working Saturday. */
  specialDays: Record<string, OpeningHours>;
  /** Kiosks may issue this many minutes before opening. */
  issueFromMinutesBeforeOpen: number;
  /** Kiosks stop issuing this many minutes before closing, so the last visitor can be served. */
  issueUntilMinutesBeforeClose: number;
  /** Staggered lunches and breaks, so the office never stops serving. */
  breaks: ScheduledBreak[];
  /**
   * Lunches of an accepted plan for one date ("YYYY-MM-DD" -> lunches): on that date they replace
   * the lunches in `breaks` of every operator they name; other dates, and other breaks, keep `breaks`.
   */
  dayLunches?: Readonly<Record<string, readonly DayLunch[]>>;
}

/** One operator's lunch on one date, from the plan for that day. */
export interface DayLunch {
  operatorId: string;
  from: LocalTime;
  to: LocalTime;
}

export interface OfficeRules {
  /** The office's standard: walk-ins still within it are served before those already past it (minutes). */
  waitingStandardMinutes: number;
  /** Anyone waiting longer than this is called before bookings and walk-ins (minutes; 2x the standard by default). */
  waitingHardLimitMinutes: number;
  /**
   * A walk-in this close to the standard (minutes left before it) is called before the desk's own
   * service order, oldest first: about to be late, they are the ones a call now keeps within it.
   * 0 turns it off. A third of the standard by default.
   */
  waitingNearStandardMinutes: number;
  /** A due booking should be called within this many minutes after its slot starts. */
  bookingStandardMinutes: number;
  /** At most this many priority or booking calls in a row at one desk while an overdue walk-in waits. */
  maxPriorityCallsInRow: number;
  /** After this many recalls, one more recall marks the ticket a no-show. */
  recallLimit: number;
  /** A booked visitor may check in this many minutes before the slot. */
  bookingCheckInEarlyMinutes: number;
  /** A booked visitor later than this after the slot start is served as a walk-in. */
  bookingLateGraceMinutes: number;
  /** How many recent service times per service feed the estimated wait. */
  serviceTimeSampleSize: number;
}

export interface OfficeSetup {
  officeId: string;
  name: string;
  services: ServiceDefinition[];
  desks: DeskDefinition[];
  operators: OperatorDefinition[];
  categories: PriorityCategory[];
  schedule: OfficeSchedule;
  rules: OfficeRules;
}

export const DEFAULT_OFFICE_RULES: OfficeRules = {
  waitingStandardMinutes: 15,
  waitingHardLimitMinutes: 30,
  waitingNearStandardMinutes: 5,
  bookingStandardMinutes: 5,
  maxPriorityCallsInRow: 3,
  recallLimit: 2,
  bookingCheckInEarlyMinutes: 15,
  bookingLateGraceMinutes: 10,
  serviceTimeSampleSize: 20,
};

export type PauseReason = 'lunch' | 'break' | 'paperwork' | 'other';
export const PAUSE_REASONS: readonly PauseReason[] = ['lunch', 'break', 'paperwork', 'other'];
