import { setTimeout as sleep } from 'node:timers/promises';
import type { PrintableTicket } from './printable-ticket.js';
import type { PrinterProfile } from './printer-profile.js';
import { statusAllowsPrinting, type PrinterStatus } from './printer-status.js';
import { renderTicket } from './render-ticket.js';
import type { PrinterTransport } from './transports/printer-transport.js';

export type PrintTicketResult =
  | { ok: true; status: PrinterStatus }
  | {
      ok: false;
      status: PrinterStatus;
      /**
       * 'before-print': refused, nothing sent. 'write': the bytes did not all go out.
       * 'after-print': sent, but the printer then reported a fault, so the ticket may be missing.
       */
      stage: 'before-print' | 'write' | 'after-print';
      message?: string;
    };

export interface TicketPrinterOptions {
  transport: PrinterTransport;
  profile: PrinterProfile;
  /**
   * Pause between sending a ticket and asking again, so a roll that runs out mid-ticket is
   * noticed. A ticket prints in well under a second.
   */
  settleMs?: number;
}

/**
 * Prints tickets on one printer, one at a time: asks the printer's state, refuses when paper,
 * cover or an error would eat the ticket, sends it, asks again and reports what happened.
 */
export class TicketPrinter {
  readonly transport: PrinterTransport;
  readonly profile: PrinterProfile;
  private readonly settleMs: number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: TicketPrinterOptions) {
    this.transport = options.transport;
    this.profile = options.profile;
    this.settleMs = options.settleMs ?? 500;
  }

  /**
   * Rejects with `TicketLayoutError` for a ticket that cannot be printed, before talking to
   * the printer; every printer problem comes back as `{ ok: false }`.
   */
  async printTicket(ticket: PrintableTicket): Promise<PrintTicketResult> {
    const bytes = renderTicket(ticket, this.profile);
    return this.serialised(async () => {
      const before = await this.transport.status();
      if (!statusAllowsPrinting(before)) return { ok: false, status: before, stage: 'before-print' };
      try {
        await this.transport.write(bytes);
      } catch (error) {
        return { ok: false, status: await this.transport.status(), stage: 'write', message: (error as Error).message };
      }
      if (this.settleMs > 0) await sleep(this.settleMs);
      const after = await this.transport.status();
      // Unconfirmed counts as failed: a visitor told to look at the screen loses nothing, a
      // visitor told "take your ticket" with none in the tray loses their place.
      if (!statusAllowsPrinting(after)) return { ok: false, status: after, stage: 'after-print' };
      return { ok: true, status: after };
    });
  }

  /** The printer's state now, queued behind any ticket being printed. */
  status(): Promise<PrinterStatus> {
    return this.serialised(() => this.transport.status());
  }

  close(): Promise<void> {
    return this.serialised(() => this.transport.close());
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
