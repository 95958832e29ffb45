import { constants, write as writeFd, type promises as fsPromises } from 'node:fs';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PrinterStatus, RealTimeStatusReport } from '../printer-status.js';
import { PrinterTransportError } from '../ticket-printer-errors.js';
import type { PrinterTransport } from './printer-transport.js';
import { writeDeadlineMs } from './printer-transport.js';
import type { PrinterAddress } from './printer-uri.js';
import { askRealTimeStatus } from './real-time-status.js';

type FileHandle = fsPromises.FileHandle;

// Full-speed USB printers take a ticket in well under a second; this sizes the deadline only.
const ASSUMED_USB_BPS = 115_200;
const POLL_MS = 10;

/**
 * A printer behind a device file: the kernel's USB printer class driver (`/dev/usb/lp0`, or a
 * udev link to it). Opened non-blocking, because a blocking read on a printer with nothing to
 * say would hold one of libuv's four pool threads until it spoke.
 */
export class DeviceFilePrinterTransport implements PrinterTransport {
  private readonly handles = new Set<FileHandle>();
  private closed = false;

  constructor(readonly address: Extract<PrinterAddress, { kind: 'device' }>) {}

  async write(bytes: Uint8Array): Promise<void> {
    const handle = await this.open();
    try {
      const deadline = Date.now() + writeDeadlineMs(bytes.length, ASSUMED_USB_BPS);
      await this.writeAll(handle, bytes, deadline);
      await this.drain(handle, deadline);
    } finally {
      await this.release(handle);
    }
  }

  async status(): Promise<PrinterStatus> {
    return (await this.statusReport()).status;
  }

  async statusReport(): Promise<RealTimeStatusReport> {
    let handle: FileHandle;
    try {
      handle = await this.open();
    } catch {
      return { status: 'offline', bytes: null };
    }
    const unread: number[] = [];
    try {
      return await askRealTimeStatus(
        {
          send: (bytes) => this.writeAll(handle, bytes, Date.now() + this.address.timeoutMs),
          discardInput: async () => {
            unread.length = 0;
            while ((await this.readSome(handle)).length > 0);
          },
          nextByte: (timeoutMs) => this.nextByte(handle, unread, timeoutMs),
        },
        this.address.timeoutMs,
      );
    } catch {
      // A one-way printer refuses reads (usblp answers EINVAL): no status to be had.
      return { status: 'offline', bytes: null };
    } finally {
      await this.release(handle);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.handles].map((handle) => this.release(handle)));
  }

  private async open(): Promise<FileHandle> {
    if (this.closed) throw new PrinterTransportError('unreachable', `printer ${this.address.path}: transport closed`);
    try {
      const handle = await open(this.address.path, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
      this.handles.add(handle);
      return handle;
    } catch (error) {
      throw new PrinterTransportError('unreachable', `printer ${this.address.path}: ${(error as Error).message}`, { cause: error });
    }
  }

  private async writeAll(handle: FileHandle, bytes: Uint8Array, deadline: number): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      if (Date.now() > deadline) {
        throw new PrinterTransportError('write-failed', `printer ${this.address.path}: ${bytes.length - offset} of ${bytes.length} bytes not taken in time`);
      }
      try {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      } catch (error) {
        // The driver's buffer is full (the printer is busy or stopped): wait and offer again.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') await sleep(POLL_MS);
        else throw new PrinterTransportError('write-failed', `printer ${this.address.path}: ${(error as Error).message}`, { cause: error });
      }
    }
  }

  /**
   * Waits until the driver has handed the last bytes to the printer. A non-blocking write to
   * usblp returns as soon as its USB transfer is queued, and closing the file kills transfers
   * still queued, which would cut the end off a ticket. The driver's own advice: a zero-length
   * write answers EAGAIN until the queue is empty. (The promise API skips zero-length writes,
   * so this goes through the callback one, which makes the system call.)
   */
  private async drain(handle: FileHandle, deadline: number): Promise<void> {
    for (;;) {
      try {
        await new Promise<void>((resolve, reject) => writeFd(handle.fd, Buffer.alloc(0), 0, 0, null, (error) => (error ? reject(error) : resolve())));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
          throw new PrinterTransportError('write-failed', `printer ${this.address.path}: ${(error as Error).message}`, { cause: error });
        }
      }
      if (Date.now() > deadline) throw new PrinterTransportError('write-failed', `printer ${this.address.path}: the last bytes were not taken in time`);
      await sleep(POLL_MS);
    }
  }

  private async readSome(handle: FileHandle): Promise<Buffer> {
    const buffer = Buffer.alloc(64);
    try {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      return buffer.subarray(0, bytesRead);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return Buffer.alloc(0);
      throw error;
    }
  }

  /** The next byte from the printer, polling; `unread` keeps the rest of a chunk for the next call. */
  private async nextByte(handle: FileHandle, unread: number[], timeoutMs: number): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const queued = unread.shift();
      if (queued !== undefined) return queued;
      const chunk = await this.readSome(handle);
      if (chunk.length > 0) {
        unread.push(...chunk);
        continue;
      }
      if (Date.now() >= deadline) return undefined;
      await sleep(POLL_MS);
    }
  }

  private async release(handle: FileHandle): Promise<void> {
    if (!this.handles.delete(handle)) return;
    await handle.close().catch(() => undefined);
  }
}
