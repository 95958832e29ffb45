import {
  decodeDeviceBody,
  decodeHostBody,
  MAX_FRAME_BYTES,
  unwrapFrame,
  type BodyDecodeResult,
  type DeviceFrame,
  type FrameDropReason,
  type HostFrame,
} from './frame-codec.js';

export type ParsedFrame<F> =
  | { kind: 'frame'; frame: F; raw: string }
  | { kind: 'drop'; reason: FrameDropReason; raw: string };

const DOLLAR = 0x24;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Streaming frame parser: feed it whatever chunks the serial line delivers and it returns the
 * frames completed by each chunk. Pure: no I/O, no clock. Bytes outside a frame are line noise
 * and are skipped silently; a started frame that goes wrong is reported as a drop, and the
 * parser waits for the next '$'.
 */
export class FrameParser<F> {
  private readonly buffer = new Uint8Array(MAX_FRAME_BYTES);
  private length = 0;
  private inFrame = false;

  constructor(private readonly decodeBody: (body: string) => BodyDecodeResult<F>) {}

  push(chunk: Uint8Array): ParsedFrame<F>[] {
    const out: ParsedFrame<F>[] = [];
    for (const byte of chunk) {
      if (byte === DOLLAR) {
        // A '$' always starts a frame, so one lost byte costs at most the frame it hit.
        if (this.inFrame) out.push(this.drop('truncated'));
        this.startFrame();
        continue;
      }
      if (!this.inFrame) continue;
      if (!isFrameByte(byte)) {
        out.push(this.drop('non-ascii', byte));
        continue;
      }
      this.buffer[this.length++] = byte;
      if (byte === LINE_FEED) {
        out.push(this.finishFrame());
      } else if (this.length >= MAX_FRAME_BYTES) {
        out.push(this.drop('too-long'));
      }
    }
    return out;
  }

  /** Forget a partial frame, e.g. after the port reopens. */
  reset(): void {
    this.inFrame = false;
    this.length = 0;
  }

  private startFrame(): void {
    this.inFrame = true;
    this.buffer[0] = DOLLAR;
    this.length = 1;
  }

  private finishFrame(): ParsedFrame<F> {
    const raw = this.text();
    this.reset();
    const envelope = unwrapFrame(raw);
    if (!envelope.ok) return { kind: 'drop', reason: envelope.reason, raw };
    const decoded = this.decodeBody(envelope.body);
    return decoded.ok ? { kind: 'frame', frame: decoded.frame, raw } : { kind: 'drop', reason: decoded.reason, raw };
  }

  private drop(reason: FrameDropReason, offending?: number): ParsedFrame<F> {
    let raw = this.text();
    if (offending !== undefined) raw += `\\x${offending.toString(16).padStart(2, '0')}`;
    this.reset();
    return { kind: 'drop', reason, raw };
  }

  private text(): string {
    let text = '';
    for (let i = 0; i < this.length; i++) text += String.fromCharCode(this.buffer[i] ?? 0);
    return text;
  }
}

function isFrameByte(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === CARRIAGE_RETURN || byte === LINE_FEED;
}

/** What the host runs on its serial line. */
export function createDeviceFrameParser(): FrameParser<DeviceFrame> {
  return new FrameParser(decodeDeviceBody);
}

/** What a simulated device runs on its serial line. */
export function createHostFrameParser(): FrameParser<HostFrame> {
  return new FrameParser(decodeHostBody);
}
