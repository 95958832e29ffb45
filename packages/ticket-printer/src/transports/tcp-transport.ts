import { connect, type Socket } from 'node:net';
import type { PrinterStatus, RealTimeStatusReport } from '../printer-status.js';
import { PrinterTransportError } from '../ticket-printer-errors.js';
import type { PrinterTransport } from './printer-transport.js';
import { writeDeadlineMs } from './printer-transport.js';
import type { PrinterAddress } from './printer-uri.js';
import { askRealTimeStatusOver } from './real-time-status.js';

// A LAN printer takes bytes far faster than this; the figure only sizes the write deadline.
const ASSUMED_LAN_BPS = 1_000_000;
// After our FIN the printer normally closes at once; if it keeps its side open we stop waiting.
const CLOSE_GRACE_MS = 2_000;

/** A network printer on its raw port (9100, "JetDirect"). One TCP connection per call. */
export class TcpPrinterTransport implements PrinterTransport {
  private readonly sockets = new Set<Socket>();
  private closed = false;

  constructor(readonly address: Extract<PrinterAddress, { kind: 'tcp' }>) {}

  async write(bytes: Uint8Array): Promise<void> {
    const socket = await this.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new PrinterTransportError('write-failed', `${this.where()}: ${bytes.length} bytes not sent in time`)),
          writeDeadlineMs(bytes.length, ASSUMED_LAN_BPS),
        );
        socket.once('error', (error) => {
          clearTimeout(timer);
          reject(new PrinterTransportError('write-failed', `${this.where()}: ${error.message}`, { cause: error }));
        });
        socket.end(bytes, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      await this.closeGently(socket);
    } finally {
      socket.destroy();
    }
  }

  async status(): Promise<PrinterStatus> {
    return (await this.statusReport()).status;
  }

  async statusReport(): Promise<RealTimeStatusReport> {
    let socket: Socket;
    try {
      socket = await this.connect();
    } catch {
      return { status: 'offline', bytes: null };
    }
    try {
      return await askRealTimeStatusOver(
        socket,
        (bytes) => new Promise<void>((resolve, reject) => socket.write(bytes, (error) => (error ? reject(error) : resolve()))),
        this.address.timeoutMs,
      );
    } finally {
      socket.end();
      await this.closeGently(socket);
      socket.destroy();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
  }

  private connect(): Promise<Socket> {
    if (this.closed) return Promise.reject(new PrinterTransportError('unreachable', `${this.where()}: transport closed`));
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.address.host, port: this.address.port });
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      socket.setNoDelay(true);
      const fail = (message: string, cause?: unknown) => {
        socket.destroy();
        reject(new PrinterTransportError('unreachable', `${this.where()}: ${message}`, { cause }));
      };
      const timer = setTimeout(() => fail(`no connection in ${this.address.timeoutMs} ms`), this.address.timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        fail(error.message, error);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        // Errors after connecting are reported by whoever uses the socket; this keeps a late
        // reset from becoming an uncaught exception.
        socket.on('error', () => undefined);
        resolve(socket);
      });
    });
  }

  /**
   * Waits for the printer to close its side after our FIN, reading whatever it still sends:
   * closing a socket with unread bytes makes Linux send a reset, which can cost the printer
   * the end of a ticket still in flight.
   */
  private closeGently(socket: Socket): Promise<void> {
    if (socket.destroyed) return Promise.resolve();
    socket.resume();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, CLOSE_GRACE_MS);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private where(): string {
    return `printer tcp://${this.address.host}:${this.address.port}`;
  }
}
