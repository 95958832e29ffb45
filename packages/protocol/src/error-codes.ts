import { QUEUE_ERROR_CODES } from '@talon/domain';
import type { ConfigIssue } from './config-issues.js';

/** Errors of the wire itself, before or beside the queue rules. */
export const WIRE_ERROR_CODES = [
  'invalid-payload',
  'payload-too-large',
  'rate-limited',
  /** Too many wrong booking codes from this kiosk or address: refused until the window ends. */
  'too-many-attempts',
  'unauthorized',
  'forbidden',
  'not-found',
  'invalid-config',
  /** A new password shorter than 10 characters or among the most common ones. */
  'weak-password',
  'internal',
  /** A dependency (central's database) is down for now: the same request later will do. */
  'unavailable',
] as const;

/**
 * A booking code the queue no longer holds, told apart by the office's own booking record so a
 * visitor at the kiosk hears why (a code already used, cancelled or past), not "no such booking".
 */
export const BOOKING_RECORD_CODES = ['booking-already-used', 'booking-cancelled', 'booking-expired'] as const;

/** The closed set of codes any ack may carry. */
export const ERROR_CODES = [...WIRE_ERROR_CODES, ...QUEUE_ERROR_CODES, ...BOOKING_RECORD_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What a screen needs to answer a refusal in its own words; the message is English for logs and
 * never parsed. Instants are epoch milliseconds, shown in the office's time zone by the screen.
 */
export interface FailureDetails {
  /** `booking-too-early`, `booking-too-late`: the booked slot's start. */
  slotStart?: number;
  /** `booking-too-early`: the first moment the kiosk accepts the code. */
  checkInFrom?: number;
  /** `booking-too-late`: the last moment the code counted as a booking. */
  checkInUntil?: number;
  /** `booking-already-used`: when the booking's ticket was issued. */
  usedAt?: number;
  /** `invalid-config`: each field's problem in translatable form (the message keeps zod's English for logs). */
  configIssues?: ConfigIssue[];
}

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** For people and logs; never a stack trace. */
  message: string;
  details?: FailureDetails;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | Failure;
export type AckCallback<T extends object = object> = (result: Ack<T>) => void;
