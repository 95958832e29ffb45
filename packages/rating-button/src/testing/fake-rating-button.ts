import { SerialPort } from 'serialport';
import { encodeDeviceFrame, type DeviceFrame, type HostFrame } from '../frame-codec.js';
import { createHostFrameParser } from '../frame-parser.js';

export interface FakeRatingButtonOptions {
  deviceId: number;
  /** Answer `L` and `P` with `K` as the firmware does. Default true. */
  replies?: boolean;
}

/**
 * A scripted stand-in for the firmware on the far end of a pty: it records every host frame
 * and sends exactly the device frames a test tells it to, nothing on its own except `K`.
 */
export class FakeRatingButton {
  readonly received: HostFrame[] = [];
  readonly deviceId: number;
  replies: boolean;
  private readonly parser = createHostFrameParser();
  private readonly waiters = new Set<() => void>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly port: SerialPort,
    options: FakeRatingButtonOptions,
  ) {
    this.deviceId = options.deviceId;
    this.replies = options.replies ?? true;
    port.on('error', () => undefined);
    port.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  static async open(path: string, options: FakeRatingButtonOptions): Promise<FakeRatingButton> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new FakeRatingButton(port, options);
  }

  async send(frame: DeviceFrame): Promise<void> {
    await this.sendRaw(encodeDeviceFrame(frame));
  }

  async sendRaw(bytes: Uint8Array | string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.port.write(bytes, (error) => (error ? reject(error) : this.port.drain(() => resolve())));
    });
  }

  /** Heartbeats every `intervalMs` until stopped, as the firmware sends them every second;
   * `uptimeS` is where the uptime starts (a unit that has been on since the morning). */
  startHeartbeat(intervalMs = 1_000, fromUptimeS = 0): void {
    this.stopHeartbeat();
    let uptimeS = fromUptimeS;
    const beat = () => void this.send({ type: 'H', deviceId: this.deviceId, uptimeS: uptimeS++, pending: 0, lost: 0 }).catch(() => undefined);
    beat();
    this.heartbeat = setInterval(beat, intervalMs);
  }

  stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Index to pass to `waitFor` so it only looks at frames received from now on. */
  mark(): number {
    return this.received.length;
  }

  /** The first received frame at or after `from` that matches, waiting up to `timeoutMs`. */
  waitFor(predicate: (frame: HostFrame) => boolean, from = 0, timeoutMs = 3_000): Promise<HostFrame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.slice(from).find(predicate);
        if (!found) return false;
        finish();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching host frame within ${timeoutMs} ms; got ${JSON.stringify(this.received.slice(from))}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => void check();
      if (!check()) this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.stopHeartbeat();
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  private onData(chunk: Buffer): void {
    for (const parsed of this.parser.push(chunk)) {
      if (parsed.kind !== 'frame') continue;
      const frame = parsed.frame;
      this.received.push(frame);
      if (this.replies && frame.deviceId === this.deviceId && (frame.type === 'L' || frame.type === 'P')) {
        void this.send({ type: 'K', deviceId: this.deviceId, command: frame.type }).catch(() => undefined);
      }
    }
    for (const waiter of [...this.waiters]) waiter();
  }
}
