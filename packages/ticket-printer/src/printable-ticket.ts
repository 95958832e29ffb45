import { TicketLayoutError } from './ticket-printer-errors.js';

/** Everything a paper ticket says. Built by whoever issues the ticket; laid out by `renderTicket`. */
export interface PrintableTicket {
  officeName: string;
  /** Printed under the name, so a visitor who keeps the ticket knows where the office is. */
  officeAddress?: string;
  /** 'A015': a Latin prefix letter, as boards and desk displays show it. */
  number: string;
  serviceName: string;
  issuedAt: Date;
  /** The office's IANA zone, e.g. 'Europe/Moscow'; the kiosk's own zone does not matter. */
  timeZone: string;
  peopleAhead: number;
  /** Null when the office has no estimate yet (first ticket of the day, no desk open). */
  estimatedWaitMin: number | null;
  /** The range printed instead of the bare minutes: "15-25 мин". */
  waitRange?: { fromMin: number; toMin: number };
  /** A priority ticket names its category and the document to show at the desk (from the category's config). */
  mark?: { kind: 'priority'; categoryName: string; document?: string } | { kind: 'booking'; slotTime: string };
  /** Goes into the QR code; ASCII only, since printers count QR data in bytes. */
  trackUrl?: string;
  footer?: string[];
  language?: 'ru' | 'en';
}

export type TicketLanguage = NonNullable<PrintableTicket['language']>;

/** Longer than any sane tracking link, and well inside what ESC/POS printers accept for a QR code. */
export const MAX_QR_PAYLOAD_BYTES = 512;
const MAX_TEXT_CHARS = 200;
const MAX_FOOTER_LINES = 10;
const TICKET_NUMBER = /^[A-Z][0-9]{1,5}$/;
// Printable ASCII without space: a URL never needs more, and nothing else can change its length.
const QR_SAFE = /^[\x21-\x7e]+$/;

/** Throws a `TicketLayoutError` naming the first field a printer could not print honestly. */
export function checkPrintableTicket(ticket: PrintableTicket): void {
  if (typeof ticket !== 'object' || ticket === null) throw invalid('ticket', 'must be an object');
  checkText(ticket.officeName, 'officeName');
  if (ticket.officeAddress !== undefined) checkText(ticket.officeAddress, 'officeAddress');
  checkText(ticket.serviceName, 'serviceName');
  if (typeof ticket.number !== 'string' || !TICKET_NUMBER.test(ticket.number)) {
    throw invalid('number', `must be a Latin capital letter and 1 to 5 digits, like A015; got ${JSON.stringify(ticket.number)}`);
  }
  if (!(ticket.issuedAt instanceof Date) || Number.isNaN(ticket.issuedAt.getTime())) {
    throw invalid('issuedAt', 'must be a valid Date');
  }
  if (typeof ticket.timeZone !== 'string' || !isKnownTimeZone(ticket.timeZone)) {
    throw new TicketLayoutError('invalid-time-zone', 'timeZone', `not an IANA time zone: ${JSON.stringify(ticket.timeZone)}`);
  }
  if (!Number.isInteger(ticket.peopleAhead) || ticket.peopleAhead < 0) {
    throw invalid('peopleAhead', 'must be a whole number, 0 or more');
  }
  if (ticket.estimatedWaitMin !== null && (!Number.isFinite(ticket.estimatedWaitMin) || ticket.estimatedWaitMin < 0)) {
    throw invalid('estimatedWaitMin', 'must be null or a number of minutes, 0 or more');
  }
  if (ticket.waitRange !== undefined) {
    const { fromMin, toMin } = ticket.waitRange;
    if (!Number.isInteger(fromMin) || !Number.isInteger(toMin) || fromMin < 0 || toMin < fromMin) {
      throw invalid('waitRange', 'must be whole minutes, 0 <= fromMin <= toMin');
    }
  }
  if (ticket.mark !== undefined) checkMark(ticket.mark);
  if (ticket.trackUrl !== undefined) checkQrPayload(ticket.trackUrl, 'trackUrl');
  if (ticket.footer !== undefined) {
    if (!Array.isArray(ticket.footer)) throw invalid('footer', 'must be an array of lines');
    if (ticket.footer.length > MAX_FOOTER_LINES) throw invalid('footer', `at most ${MAX_FOOTER_LINES} lines`);
    ticket.footer.forEach((line, i) => checkText(line, `footer[${i}]`, { allowEmpty: true }));
  }
  if (ticket.language !== undefined && ticket.language !== 'ru' && ticket.language !== 'en') {
    throw invalid('language', `must be 'ru' or 'en'; got ${JSON.stringify(ticket.language)}`);
  }
}

/**
 * QR data must be ASCII: node-thermal-printer writes the QR length as the string's character
 * count while sending UTF-8 bytes, so one 'ё' would leave the printer waiting for a byte that
 * never comes and eat the next command.
 */
export function checkQrPayload(payload: unknown, field: string): asserts payload is string {
  if (typeof payload !== 'string' || payload.length === 0) throw invalid(field, 'must be a non-empty string');
  if (!QR_SAFE.test(payload)) {
    const bad = [...payload].find((c) => !QR_SAFE.test(c)) ?? '';
    throw new TicketLayoutError(
      'non-ascii-qr-payload',
      field,
      `QR data must be printable ASCII without spaces (percent-encode anything else); found ${JSON.stringify(bad)} (U+${bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')})`,
    );
  }
  if (payload.length > MAX_QR_PAYLOAD_BYTES) {
    throw new TicketLayoutError('qr-payload-too-long', field, `QR data is ${payload.length} bytes, at most ${MAX_QR_PAYLOAD_BYTES}`);
  }
}

function checkMark(mark: NonNullable<PrintableTicket['mark']>): void {
  if (typeof mark !== 'object' || mark === null) throw invalid('mark', 'must be an object');
  switch (mark.kind) {
    case 'priority':
      checkText(mark.categoryName, 'mark.categoryName');
      if (mark.document !== undefined) checkText(mark.document, 'mark.document');
      return;
    case 'booking':
      checkText(mark.slotTime, 'mark.slotTime');
      return;
    default:
      throw invalid('mark.kind', `must be 'priority' or 'booking'; got ${JSON.stringify((mark as { kind: unknown }).kind)}`);
  }
}

function checkText(value: unknown, field: string, { allowEmpty = false } = {}): void {
  if (typeof value !== 'string') throw invalid(field, 'must be a string');
  if (!allowEmpty && value.trim().length === 0) throw invalid(field, 'must not be empty');
  if (value.length > MAX_TEXT_CHARS) throw invalid(field, `at most ${MAX_TEXT_CHARS} characters`);
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function invalid(field: string, message: string): TicketLayoutError {
  return new TicketLayoutError('invalid-ticket', field, message);
}
