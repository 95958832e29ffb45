import type { PrinterHealth } from '@talon/protocol';
import type { RatingButtonDriverEvents } from '@talon/rating-button';
import { checkPrintableTicket, type PrintableTicket, type PrintTicketResult } from '@talon/ticket-printer';
import { EventEmitter } from 'node:events';
import type { DeviceHardware, PrinterHandle } from '../device-hardware.js';

type PrinterState = Exclude<PrinterHealth, 'unknown'>;

/** A printer that keeps the tickets it is given and reports whatever state a test sets. */
export class FakePrinter implements PrinterHandle {
  readonly printed: PrintableTicket[] = [];
  condition: PrinterState = 'ok';
  /** How long a ticket takes to come out. */
  delayMs = 0;
  statusQuestions = 0;
  closed = false;

  constructor(
    readonly uri: string,
    readonly profile: string,
  ) {}

  async printTicket(ticket: PrintableTicket): Promise<PrintTicketResult> {
    // As the real printer does: a ticket that cannot be laid out is refused before any status.
    checkPrintableTicket(ticket);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.condition !== 'ok' && this.condition !== 'paper-near-end') return { ok: false, status: this.condition, stage: 'before-print' };
    this.printed.push(ticket);
    return { ok: true, status: this.condition };
  }

  async status(): Promise<PrinterState> {
    this.statusQuestions += 1;
    return this.condition;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A rating button driver a test works by hand: `press`, `goOnline`. */
export class FakeButton extends EventEmitter<RatingButtonDriverEvents> {
  isOnline = false;
  isWindowOpen = false;
  started = false;
  closed = false;
  private seq = 0;

  constructor(
    readonly path: string,
    readonly deviceId: number,
  ) {
    super();
  }

  start(): void {
    this.started = true;
  }

  openWindow(): void {
    this.isWindowOpen = true;
  }

  closeWindow(): void {
    this.isWindowOpen = false;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  goOnline(online: boolean): void {
    this.isOnline = online;
    if (online) this.emit('online', { deviceId: this.deviceId, at: new Date() });
    else this.emit('offline', { deviceId: this.deviceId, at: new Date(), silentForMs: 3_000 });
  }

  /** What the real driver does with an accepted press: the device closed its window itself. */
  press(value: 1 | 2 | 3 | 4 | 5): void {
    this.isWindowOpen = false;
    this.seq += 1;
    this.emit('rating', { deviceId: this.deviceId, seq: this.seq, value, at: new Date() });
  }
}

export interface FakeHardware extends DeviceHardware {
  printers: FakePrinter[];
  buttons: FakeButton[];
}

export function fakeHardware(options: { refuseUri?: string } = {}): FakeHardware {
  const printers: FakePrinter[] = [];
  const buttons: FakeButton[] = [];
  return {
    printers,
    buttons,
    async openPrinter(uri, profile) {
      if (uri === options.refuseUri) throw new Error(`bad printer URI ${uri}`);
      const printer = new FakePrinter(uri, profile);
      printers.push(printer);
      return printer;
    },
    openButton(path, deviceId) {
      const button = new FakeButton(path, deviceId);
      buttons.push(button);
      return button;
    },
  };
}
