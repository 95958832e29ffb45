import type { PrinterStatus, RealTimeStatusReport } from '../printer-status.js';
import type { PrinterAddress } from './printer-uri.js';

/**
 * A way to reach one printer. Each call opens the link, does its work and lets go, so a
 * printer that is power-cycled or re-plugged between tickets is simply found again.
 */
export interface PrinterTransport {
  readonly address: PrinterAddress;
  /** Sends bytes; rejects with `PrinterTransportError` ('unreachable' or 'write-failed'). */
  write(bytes: Uint8Array): Promise<void>;
  /** Real-time status; never rejects: a printer that cannot be reached is 'offline'. */
  status(): Promise<PrinterStatus>;
  /** The same, with the raw DLE EOT answers for an installer to read. */
  statusReport(): Promise<RealTimeStatusReport>;
  /** Cuts any link still in use; later calls fail. */
  close(): Promise<void>;
}

/** How long a write may take: a fixed allowance plus three times the bytes' time on the wire. */
export function writeDeadlineMs(byteCount: number, bitsPerSecond: number): number {
  return 5_000 + Math.ceil(((byteCount * 10) / bitsPerSecond) * 1000 * 3);
}
