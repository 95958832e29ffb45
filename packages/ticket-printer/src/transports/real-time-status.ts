import { interpretRealTimeStatus, type RealTimeStatusReport } from '../printer-status.js';

/** Bytes arriving from a printer, read one at a time with a deadline. */
export class IncomingBytes {
  private queue: number[] = [];
  private waiter: ((byte: number | undefined) => void) | undefined;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      const waiter = this.waiter;
      if (waiter) {
        this.waiter = undefined;
        waiter(byte);
      } else {
        this.queue.push(byte);
      }
    }
  }

  /** Drops what came before, so a late answer to an earlier question is not taken for the next one. */
  discard(): void {
    this.queue = [];
  }

  next(timeoutMs: number): Promise<number | undefined> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.waiter) return Promise.reject(new Error('IncomingBytes: one reader at a time'));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiter = (byte) => {
        clearTimeout(timer);
        resolve(byte);
      };
    });
  }

  /** Ends a pending wait now, as a closed link will answer nothing more. */
  end(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(undefined);
  }
}

/** What a transport gives the status conversation: a way to ask and a way to hear. */
export interface StatusLink {
  send(bytes: Uint8Array): Promise<void>;
  discardInput(): void | Promise<void>;
  nextByte(timeoutMs: number): Promise<number | undefined>;
}

const DLE = 0x10;
const EOT = 0x04;
const XON = 0x11;
const XOFF = 0x13;

export const DEFAULT_STATUS_TIMEOUT_MS = 1_500;

/**
 * Asks DLE EOT 1, 2 and 4 in turn, each answered by one byte. These are real-time commands: a
 * printer answers them even when out of paper or with its cover open, which is exactly when
 * `GS r` (node-thermal-printer's `getStatus`) goes unanswered. The first question without an
 * answer in `timeoutMs` makes the printer offline.
 */
export async function askRealTimeStatus(link: StatusLink, timeoutMs: number): Promise<RealTimeStatusReport> {
  const answers: number[] = [];
  for (const n of [1, 2, 4]) {
    await link.discardInput();
    await link.send(Uint8Array.of(DLE, EOT, n));
    const answer = await nextStatusByte(link, timeoutMs);
    if (answer === undefined) return { status: 'offline', bytes: null };
    answers.push(answer);
  }
  const [printer = 0, offlineCause = 0, paperSensor = 0] = answers;
  const bytes = { printer, offlineCause, paperSensor };
  return { status: interpretRealTimeStatus(bytes), bytes };
}

/** The next byte that is not software flow control, which a serial printer may send at any time. */
async function nextStatusByte(link: StatusLink, timeoutMs: number): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    const byte = await link.nextByte(left);
    if (byte === undefined) return undefined;
    if (byte !== XON && byte !== XOFF) return byte;
  }
}

/** What a socket and a serial port both are: something that emits the bytes it hears, and closes. */
interface ByteStream {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/**
 * The status conversation over an open stream; any failure on the way (a reset, a port that
 * vanished, flow control that never lets the question out) makes the printer offline.
 */
export async function askRealTimeStatusOver(
  stream: ByteStream,
  send: (bytes: Uint8Array) => Promise<void>,
  timeoutMs: number,
): Promise<RealTimeStatusReport> {
  const incoming = new IncomingBytes();
  stream.on('data', (chunk) => incoming.push(chunk));
  stream.on('close', () => incoming.end());
  try {
    return await askRealTimeStatus({ send, discardInput: () => incoming.discard(), nextByte: (ms) => incoming.next(ms) }, timeoutMs);
  } catch {
    return { status: 'offline', bytes: null };
  }
}
