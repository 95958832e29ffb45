import { appendFile } from 'node:fs/promises';
import type { PrinterStatus, RealTimeStatusReport } from '../printer-status.js';
import { PrinterTransportError } from '../ticket-printer-errors.js';
import type { PrinterTransport } from './printer-transport.js';
import type { PrinterAddress } from './printer-uri.js';

/**
 * A file standing in for paper: each ticket's bytes are appended, as a roll keeps every
 * ticket. For demos, for saving a ticket to inspect, and for kiosks without a printer.
 */
export class FilePrinterTransport implements PrinterTransport {
  constructor(readonly address: Extract<PrinterAddress, { kind: 'file' }>) {}

  async write(bytes: Uint8Array): Promise<void> {
    try {
      await appendFile(this.address.path, bytes);
    } catch (error) {
      throw new PrinterTransportError('write-failed', `file ${this.address.path}: ${(error as Error).message}`, { cause: error });
    }
  }

  async status(): Promise<PrinterStatus> {
    return 'ok';
  }

  async statusReport(): Promise<RealTimeStatusReport> {
    return { status: 'ok', bytes: null };
  }

  async close(): Promise<void> {}
}
