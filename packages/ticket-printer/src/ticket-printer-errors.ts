/** A ticket that cannot be laid out: a caller's mistake, found before any byte reaches a printer. */
export type TicketLayoutErrorCode = 'invalid-ticket' | 'non-ascii-qr-payload' | 'qr-payload-too-long' | 'invalid-time-zone';

export class TicketLayoutError extends Error {
  override readonly name = 'TicketLayoutError';
  constructor(
    readonly code: TicketLayoutErrorCode,
    /** The ticket field at fault, e.g. `trackUrl` or `footer[2]`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** A printer profile that does not describe a printer we can drive. */
export class PrinterProfileError extends Error {
  override readonly name = 'PrinterProfileError';
  constructor(
    /** The profile field at fault, e.g. `cp866CodePage`; `(file)` or `(json)` before any field is read. */
    readonly field: string,
    message: string,
    /** Where the profile came from: a file path or a built-in id. */
    readonly origin: string,
  ) {
    super(`printer profile ${origin}: ${field}: ${message}`);
  }
}

export type PrinterTransportErrorCode =
  | 'invalid-uri'
  /** Nothing to talk to: connection refused, no such device, permission denied. */
  | 'unreachable'
  /** The bytes did not all leave within the time allowed, or the link broke while sending. */
  | 'write-failed';

export class PrinterTransportError extends Error {
  override readonly name = 'PrinterTransportError';
  constructor(
    readonly code: PrinterTransportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
