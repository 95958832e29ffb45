/** Closed set of reasons the queue refuses a command; the server maps them to protocol codes. */
export const QUEUE_ERROR_CODES = [
  'unknown-service',
  'unknown-desk',
  'unknown-operator',
  'unknown-category',
  'unknown-ticket',
  'unknown-outcome',
  'outcome-required',
  'document-check-required',
  'office-closed',
  'desk-closed',
  'desk-paused',
  'desk-busy',
  'desk-not-serving-service',
  'desk-already-open',
  'operator-busy',
  'no-current-ticket',
  'ticket-not-waiting',
  'ticket-not-called',
  'ticket-not-serving',
  'ticket-not-postponed',
  'ticket-not-priority',
  'nothing-waiting',
  'booking-not-found',
  'booking-too-early',
  'booking-too-late',
  'booking-duplicate',
  'booking-in-past',
  'rating-not-expected',
  'remote-not-offered',
  'remote-full',
  'remote-cut-off',
  'remote-duplicate',
  'remote-not-arrived',
  'remote-already-arrived',
  'invalid-value',
] as const;

export type QueueErrorCode = (typeof QUEUE_ERROR_CODES)[number];

export interface QueueError {
  code: QueueErrorCode;
  message: string;
}

export type Decision =
  | { ok: true; events: import('./events.js').QueueEvent[] }
  | { ok: false; error: QueueError };

export function refuse(code: QueueErrorCode, message: string): Decision {
  return { ok: false, error: { code, message } };
}

/** Makes a `switch` that forgets a case fail to compile. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
