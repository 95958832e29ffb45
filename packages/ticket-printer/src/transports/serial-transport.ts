import { SerialPort } from 'serialport';
import type { PrinterStatus, RealTimeStatusReport } from '../printer-status.js';
import { PrinterTransportError } from '../ticket-printer-errors.js';
import type { PrinterTransport } from './printer-transport.js';
import { writeDeadlineMs } from './printer-transport.js';
import type { PrinterAddress } from './printer-uri.js';
import { askRealTimeStatusOver } from './real-time-status.js';

/** A printer on a serial line (RS-232, or a USB-serial adapter). The port is opened per call. */
export class SerialPrinterTransport implements PrinterTransport {
  private readonly ports = new Set<SerialPort>();
  private closed = false;

  constructor(readonly address: Extract<PrinterAddress, { kind: 'serial' }>) {}

  async write(bytes: Uint8Array): Promise<void> {
    const port = await this.open();
    try {
      await this.send(port, bytes, writeDeadlineMs(bytes.length, this.address.baudRate));
    } finally {
      await this.release(port);
    }
  }

  async status(): Promise<PrinterStatus> {
    return (await this.statusReport()).status;
  }

  async statusReport(): Promise<RealTimeStatusReport> {
    let port: SerialPort;
    try {
      port = await this.open();
    } catch {
      return { status: 'offline', bytes: null };
    }
    try {
      // With hardware flow control a printer that is off never lets the question out: offline.
      return await askRealTimeStatusOver(port, (bytes) => this.send(port, bytes, this.address.timeoutMs), this.address.timeoutMs);
    } finally {
      await this.release(port);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.ports].map((port) => this.release(port)));
  }

  private async open(): Promise<SerialPort> {
    if (this.closed) throw new PrinterTransportError('unreachable', `${this.where()}: transport closed`);
    const port = new SerialPort({ path: this.address.path, baudRate: this.address.baudRate, rtscts: this.address.rtscts, autoOpen: false });
    port.on('error', () => undefined);
    await new Promise<void>((resolve, reject) =>
      port.open((error) =>
        error ? reject(new PrinterTransportError('unreachable', `${this.where()}: ${error.message}`, { cause: error })) : resolve(),
      ),
    );
    this.ports.add(port);
    return port;
  }

  /** Writes and waits until the bytes have left the port (tcdrain), within a deadline. */
  private send(port: SerialPort, bytes: Uint8Array, deadlineMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterTransportError('write-failed', `${this.where()}: ${bytes.length} bytes not sent in ${deadlineMs} ms (flow control held?)`)),
        deadlineMs,
      );
      const done = (error: Error | null | undefined) => {
        clearTimeout(timer);
        if (error) reject(new PrinterTransportError('write-failed', `${this.where()}: ${error.message}`, { cause: error }));
        else resolve();
      };
      port.write(Buffer.from(bytes), (error) => (error ? done(error) : port.drain(done)));
    });
  }

  private async release(port: SerialPort): Promise<void> {
    this.ports.delete(port);
    if (!port.isOpen) return;
    // Bytes still queued when flow control holds them (a printer switched off) would make
    // close() wait for them, up to the tty's 30 s closing_wait; a failed ticket is dropped.
    await new Promise<void>((resolve) => port.flush(() => resolve()));
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private where(): string {
    return `printer serial:${this.address.path}`;
  }
}
