import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import {
  DEVICE_ID_MAX,
  DEVICE_ID_MIN,
  encodeHostFrame,
  type DeviceCommand,
  type DeviceFrame,
  type FrameDropReason,
  type HostFrame,
  type RatingValue,
} from './frame-codec.js';
import { createDeviceFrameParser } from './frame-parser.js';
import { portIdentity } from './port-identity.js';
import { RatingButtonError } from './rating-button-errors.js';
import { RatingDedupe } from './rating-dedupe.js';
import { DEFAULT_REOPEN_BACKOFF, reopenDelayMs, type ReopenBackoff } from './reopen-backoff.js';

export const RATING_BUTTON_BAUD_RATE = 9600;

/** Time and timers, injectable so a test can drive them; real ones by default. */
export interface DriverClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: DriverClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RatingButtonDriverOptions {
  /** Explicit serial path from config, e.g. /dev/serial/by-id/usb-...; never guessed. */
  path: string;
  /** The id set in the button's EEPROM and printed on the unit, 1..247. */
  deviceId: number;
  /** Silence after which the device counts as offline. Default 3000 ms. */
  offlineAfterMs?: number;
  /** How long a (device, seq) pair is remembered after its last sighting. Default 60 s. */
  dedupeWindowMs?: number;
  /** Delays between attempts to reopen a lost port. Default 250 ms doubling to 5 s. */
  reopenBackoff?: ReopenBackoff;
  /** While the device is online and has not answered `K,L`, the window state is re-sent this often. Default 1000 ms. */
  windowResendMs?: number;
  /** Default timeout of `ping()`. Default 1000 ms. */
  pingTimeoutMs?: number;
  /** How often an open port's path is checked for having vanished or changed. Default 1000 ms. */
  presenceCheckMs?: number;
  /**
   * After the port opens, ratings wait this long for a heartbeat or boot banner to say which
   * boot of the device they belong to. Default 1500 ms (the device beats every second).
   */
  bootWaitMs?: number;
  clock?: DriverClock;
}

export interface RatingEvent {
  deviceId: number;
  seq: number;
  value: RatingValue;
  at: Date;
  /**
   * When the device booted, as this host reads it: the arrival of its first heartbeat of that
   * boot less the uptime it reported (or the arrival of its boot banner). Seqs start again at 1
   * at every boot, so (deviceId, bootedAt, seq) names one press for whoever dedupes further on.
   * Undefined until the driver has heard a heartbeat or banner since it opened the port.
   */
  bootedAt?: Date;
}

export interface HeartbeatEvent {
  deviceId: number;
  uptimeS: number;
  /** Events the device still holds unacked. */
  pending: number;
  /** Events the device dropped since boot because more than 8 were unacked. */
  lost: number;
  at: Date;
}

export interface RatingButtonDriverEvents {
  rating: [RatingEvent];
  online: [{ deviceId: number; at: Date }];
  offline: [{ deviceId: number; at: Date; silentForMs: number }];
  boot: [{ deviceId: number; firmware: string; at: Date }];
  heartbeat: [HeartbeatEvent];
  reply: [{ deviceId: number; command: DeviceCommand; at: Date }];
  portOpen: [{ path: string }];
  /** An open port was lost (unplugged, read error); the driver retries after `retryInMs`. */
  portClose: [{ path: string; reason: string; retryInMs: number }];
  /** An attempt to open the port failed; the driver retries after `retryInMs`. */
  portError: [{ path: string; message: string; retryInMs: number }];
  /** A frame that was started and then rejected; for logs and line-quality counters. */
  frameDropped: [{ reason: FrameDropReason | 'foreign-device'; raw: string }];
}

type DriverState = 'idle' | 'running' | 'closed';

interface PendingPing {
  sentAt: number;
  resolve: (roundTripMs: number) => void;
  reject: (error: RatingButtonError) => void;
  timer: unknown;
}

/**
 * Owns one rating button's serial port: acks its events, counts each rating once, tracks
 * whether the device is alive, keeps its rating window in the state the host wants, and
 * reopens the port for as long as it takes after a USB unplug.
 */
export class RatingButtonDriver extends EventEmitter<RatingButtonDriverEvents> {
  readonly path: string;
  readonly deviceId: number;

  private readonly clock: DriverClock;
  private readonly offlineAfterMs: number;
  private readonly windowResendMs: number;
  private readonly pingTimeoutMs: number;
  private readonly presenceCheckMs: number;
  private readonly bootWaitMs: number;
  private readonly reopenBackoff: ReopenBackoff;
  private readonly parser = createDeviceFrameParser();
  private readonly dedupe: RatingDedupe;

  private state: DriverState = 'idle';
  private port: SerialPort | undefined;
  private portReady = false;
  private connecting: Promise<void> | undefined;
  private reopenAttempt = 0;
  private reopenTimer: unknown;
  private offlineTimer: unknown;
  private windowResendTimer: unknown;
  private presenceTimer: unknown;
  private online = false;
  private lastFrameAt = 0;
  private lastUptimeS: number | undefined;
  /** The current boot of the device (ms), fixed when first read, so it never drifts within a boot. */
  private bootedAt: number | undefined;
  /**
   * Whether a heartbeat or banner has been heard since the port last opened. Until then the
   * device may have restarted unseen (its banner went in the flush on open), and a press with a
   * seq heard before the restart would be taken for a copy: such ratings are acked and held.
   */
  private bootHeardSinceOpen = false;
  private heldRatings: { frame: Extract<DeviceFrame, { type: 'E' }>; at: number }[] = [];
  private bootWaitTimer: unknown;
  private windowOpen = false;
  private windowAwaitingReply = false;
  private readonly pings: PendingPing[] = [];

  constructor(options: RatingButtonDriverOptions) {
    super();
    if (typeof options.path !== 'string' || options.path.length === 0) {
      throw new RatingButtonError('invalid-config', 'path must be a non-empty serial port path');
    }
    if (!Number.isInteger(options.deviceId) || options.deviceId < DEVICE_ID_MIN || options.deviceId > DEVICE_ID_MAX) {
      throw new RatingButtonError('invalid-config', `deviceId must be an integer ${DEVICE_ID_MIN}..${DEVICE_ID_MAX}`);
    }
    this.path = options.path;
    this.deviceId = options.deviceId;
    this.clock = options.clock ?? systemClock;
    this.offlineAfterMs = positive('offlineAfterMs', options.offlineAfterMs, 3_000);
    this.windowResendMs = positive('windowResendMs', options.windowResendMs, 1_000);
    this.pingTimeoutMs = positive('pingTimeoutMs', options.pingTimeoutMs, 1_000);
    this.presenceCheckMs = positive('presenceCheckMs', options.presenceCheckMs, 1_000);
    this.bootWaitMs = positive('bootWaitMs', options.bootWaitMs, 1_500);
    this.dedupe = new RatingDedupe(positive('dedupeWindowMs', options.dedupeWindowMs, 60_000));
    const backoff = options.reopenBackoff ?? DEFAULT_REOPEN_BACKOFF;
    this.reopenBackoff = {
      initialMs: positive('reopenBackoff.initialMs', backoff.initialMs, DEFAULT_REOPEN_BACKOFF.initialMs),
      maxMs: positive('reopenBackoff.maxMs', backoff.maxMs, DEFAULT_REOPEN_BACKOFF.maxMs),
    };
  }

  get isOnline(): boolean {
    return this.online;
  }

  get isWindowOpen(): boolean {
    return this.windowOpen;
  }

  get isPortOpen(): boolean {
    return this.portReady;
  }

  /** Opens the port, and keeps reopening it whenever it is lost, until `close()`. */
  start(): void {
    if (this.state === 'closed') throw new RatingButtonError('driver-closed', 'the driver was closed');
    if (this.state === 'running') return;
    this.state = 'running';
    this.connect();
  }

  /** Lights the button: the next press becomes a rating. Re-sent until the device confirms. */
  openWindow(): void {
    this.windowOpen = true;
    this.sendWindowState();
  }

  closeWindow(): void {
    this.windowOpen = false;
    this.sendWindowState();
  }

  /** Round trip of `P` → `K,P` in ms. */
  ping(timeoutMs = this.pingTimeoutMs): Promise<number> {
    if (this.state === 'closed') return Promise.reject(new RatingButtonError('driver-closed', 'the driver was closed'));
    if (!this.portReady) return Promise.reject(new RatingButtonError('port-closed', `${this.path} is not open`));
    return new Promise<number>((resolve, reject) => {
      const ping: PendingPing = {
        sentAt: this.clock.now(),
        resolve,
        reject,
        timer: this.clock.setTimeout(() => {
          const index = this.pings.indexOf(ping);
          if (index >= 0) this.pings.splice(index, 1);
          reject(new RatingButtonError('timeout', `no reply to ping from device ${this.deviceId} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.pings.push(ping);
      this.write({ type: 'P', deviceId: this.deviceId });
    });
  }

  /** Stops reopening, releases the port and every timer. Idempotent. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    // Held ratings were acked: the device has forgotten them, so they are passed on, not dropped.
    this.releaseHeldRatings();
    this.state = 'closed';
    for (const timer of [this.reopenTimer, this.offlineTimer, this.windowResendTimer, this.presenceTimer]) {
      if (timer !== undefined) this.clock.clearTimeout(timer);
    }
    this.reopenTimer = this.offlineTimer = this.windowResendTimer = this.presenceTimer = undefined;
    for (const ping of this.pings.splice(0)) {
      this.clock.clearTimeout(ping.timer);
      ping.reject(new RatingButtonError('driver-closed', 'the driver was closed'));
    }
    const port = this.port;
    this.port = undefined;
    this.portReady = false;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    await this.connecting;
  }

  private connect(): void {
    const connecting = this.openPort().finally(() => {
      if (this.connecting === connecting) this.connecting = undefined;
    });
    this.connecting = connecting;
  }

  private async openPort(): Promise<void> {
    const port = new SerialPort({
      path: this.path,
      baudRate: RATING_BUTTON_BAUD_RATE,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      rtscts: false,
      xon: false,
      xoff: false,
      autoOpen: false,
    });
    // Without an 'error' listener a serial error would be thrown and take the process down.
    port.on('error', (error: Error) => this.loseLine(port, error.message));
    port.on('close', (error?: Error | null) => this.loseLine(port, error?.message ?? 'port closed'));
    port.on('data', (chunk: Buffer) => {
      if (this.port === port && this.portReady) this.onData(chunk);
    });

    const openError = await new Promise<Error | null>((resolve) => port.open(resolve));
    if (this.state !== 'running') {
      if (!openError) await new Promise<void>((resolve) => port.close(() => resolve()));
      return;
    }
    if (openError) {
      this.scheduleReopen((retryInMs) => this.emit('portError', { path: this.path, message: openError.message, retryInMs }));
      return;
    }
    this.port = port;
    // What the device said while nobody listened is stale; unacked events come again anyway.
    const flushError = await new Promise<Error | null>((resolve) => port.flush(resolve));
    const identity = await portIdentity(this.path);
    if (this.port !== port) return;
    if (flushError || identity === undefined) {
      this.loseLine(port, flushError?.message ?? `${this.path} vanished while opening`);
      return;
    }
    this.watchPresence(port, identity);
    this.parser.reset();
    this.portReady = true;
    this.reopenAttempt = 0;
    this.bootHeardSinceOpen = false;
    this.bootWaitTimer = this.clock.setTimeout(() => {
      this.bootWaitTimer = undefined;
      this.releaseHeldRatings();
    }, this.bootWaitMs);
    this.emit('portOpen', { path: this.path });
    this.sendWindowState();
  }

  private watchPresence(port: SerialPort, identity: string): void {
    this.presenceTimer = this.clock.setTimeout(() => {
      this.presenceTimer = undefined;
      void portIdentity(this.path).then((current) => {
        if (this.port !== port) return;
        if (current === identity) this.watchPresence(port, identity);
        else this.loseLine(port, current === undefined ? `${this.path} vanished` : `${this.path} now names another device`);
      });
    }, this.presenceCheckMs);
  }

  private loseLine(port: SerialPort, reason: string): void {
    if (this.port !== port) return;
    this.releaseHeldRatings();
    this.port = undefined;
    this.portReady = false;
    if (this.presenceTimer !== undefined) this.clock.clearTimeout(this.presenceTimer);
    this.presenceTimer = undefined;
    if (port.isOpen) port.close(() => undefined);
    if (this.state !== 'running') return;
    this.scheduleReopen((retryInMs) => this.emit('portClose', { path: this.path, reason, retryInMs }));
  }

  private scheduleReopen(announce: (retryInMs: number) => void): void {
    const delay = reopenDelayMs(this.reopenAttempt++, this.reopenBackoff);
    this.reopenTimer = this.clock.setTimeout(() => {
      this.reopenTimer = undefined;
      if (this.state === 'running') this.connect();
    }, delay);
    announce(delay);
  }

  private onData(chunk: Buffer): void {
    for (const parsed of this.parser.push(chunk)) {
      if (parsed.kind === 'drop') {
        this.emit('frameDropped', { reason: parsed.reason, raw: parsed.raw });
      } else if (parsed.frame.deviceId !== this.deviceId) {
        // Not acked on purpose: a unit with the wrong id keeps its events until config is fixed.
        this.emit('frameDropped', { reason: 'foreign-device', raw: parsed.raw });
      } else {
        this.onFrame(parsed.frame);
      }
    }
  }

  private onFrame(frame: DeviceFrame): void {
    const now = this.clock.now();
    const at = new Date(now);
    const cameOnline = this.markAlive(now);
    switch (frame.type) {
      case 'E': {
        // Every copy is acked: the device stops re-sending only when an ack gets through.
        this.write({ type: 'A', deviceId: frame.deviceId, seq: frame.seq });
        if (this.bootHeardSinceOpen) this.countRating(frame, now);
        else this.heldRatings.push({ frame, at: now });
        return;
      }
      case 'H': {
        const rebooted = this.lastUptimeS !== undefined && frame.uptimeS < this.lastUptimeS;
        this.lastUptimeS = frame.uptimeS;
        if (rebooted || this.bootedAt === undefined) this.bootedAt = now - frame.uptimeS * 1000;
        if (rebooted) this.onDeviceReboot(cameOnline);
        const { deviceId, uptimeS, pending, lost } = frame;
        this.emit('heartbeat', { deviceId, uptimeS, pending, lost, at });
        this.releaseHeldRatings();
        return;
      }
      case 'B':
        // A banner is sent before any press of its boot: ratings held until now were the
        // previous boot's, counted against its seqs before they are forgotten.
        this.releaseHeldRatings();
        this.lastUptimeS = undefined;
        this.bootedAt = now;
        this.onDeviceReboot(cameOnline);
        this.emit('boot', { deviceId: frame.deviceId, firmware: frame.firmware, at });
        return;
      case 'K':
        if (frame.command === 'L') {
          this.windowAwaitingReply = false;
        } else {
          const ping = this.pings.shift();
          if (ping) {
            this.clock.clearTimeout(ping.timer);
            ping.resolve(now - ping.sentAt);
          }
        }
        this.emit('reply', { deviceId: frame.deviceId, command: frame.command, at });
        return;
      default:
        unhandledFrame(frame);
    }
  }

  /** One rating heard at `at`: counted unless it is a copy of one already counted. */
  private countRating(frame: Extract<DeviceFrame, { type: 'E' }>, at: number): void {
    if (!this.dedupe.accept(frame.deviceId, frame.seq, at)) return;
    if (this.windowOpen) {
      // The device closed its window itself; say so too, so both sides agree.
      this.windowOpen = false;
      this.sendWindowState();
    }
    const bootedAt = this.bootedAt === undefined ? {} : { bootedAt: new Date(this.bootedAt) };
    this.emit('rating', { deviceId: frame.deviceId, seq: frame.seq, value: frame.value, at: new Date(at), ...bootedAt });
  }

  /**
   * The boot is known now (or will not be: no heartbeat within the wait): ratings held since the
   * port opened are counted in the order and at the times they arrived.
   */
  private releaseHeldRatings(): void {
    if (this.bootWaitTimer !== undefined) this.clock.clearTimeout(this.bootWaitTimer);
    this.bootWaitTimer = undefined;
    this.bootHeardSinceOpen = true;
    for (const held of this.heldRatings.splice(0)) this.countRating(held.frame, held.at);
  }

  // A rebooted device has a closed window, seq back at 1 and no pending events.
  private onDeviceReboot(windowStateJustSent: boolean): void {
    this.dedupe.forgetDevice(this.deviceId);
    if (!windowStateJustSent) this.sendWindowState();
  }

  /** Returns true when this frame brought the device back online. */
  private markAlive(now: number): boolean {
    this.lastFrameAt = now;
    if (this.offlineTimer !== undefined) this.clock.clearTimeout(this.offlineTimer);
    this.offlineTimer = this.clock.setTimeout(() => this.goOffline(), this.offlineAfterMs);
    if (this.online) return false;
    this.online = true;
    this.emit('online', { deviceId: this.deviceId, at: new Date(now) });
    this.sendWindowState();
    return true;
  }

  private goOffline(): void {
    this.offlineTimer = undefined;
    if (!this.online) return;
    this.online = false;
    const now = this.clock.now();
    this.emit('offline', { deviceId: this.deviceId, at: new Date(now), silentForMs: now - this.lastFrameAt });
  }

  private sendWindowState(): void {
    if (this.windowResendTimer !== undefined) this.clock.clearTimeout(this.windowResendTimer);
    this.windowResendTimer = undefined;
    if (!this.portReady) {
      // Sent when the port opens.
      return;
    }
    this.write({ type: 'L', deviceId: this.deviceId, open: this.windowOpen });
    this.windowAwaitingReply = true;
    this.windowResendTimer = this.clock.setTimeout(() => {
      this.windowResendTimer = undefined;
      // An offline device gets the state again when it comes back.
      if (this.windowAwaitingReply && this.online && this.state === 'running') this.sendWindowState();
    }, this.windowResendMs);
  }

  private write(frame: HostFrame): void {
    const port = this.port;
    if (!port || !this.portReady) return;
    // A failed write also arrives as an 'error' event, which reopens the port.
    port.write(encodeHostFrame(frame), () => undefined);
  }
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RatingButtonError('invalid-config', `${name} must be a positive number`);
  return value;
}

function unhandledFrame(frame: never): never {
  throw new Error(`unhandled device frame ${JSON.stringify(frame)}`);
}
