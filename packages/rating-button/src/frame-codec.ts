import { crc8Hex } from './crc8.js';

// Limits from hardware/rating-button/PROTOCOL.md (version 1).
export const PROTOCOL_VERSION = 1;
export const MAX_FRAME_BYTES = 48;
export const DEVICE_ID_MIN = 1;
export const DEVICE_ID_MAX = 247;
export const SEQ_MIN = 1;
export const SEQ_MAX = 255;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** The device keeps at most this many unacked events, so a heartbeat never reports more. */
export const MAX_PENDING_EVENTS = 8;
const COUNTER_MAX = 0xffff_ffff;
const FIRMWARE_MAX_LENGTH = 16;

export type RatingValue = 1 | 2 | 3 | 4 | 5;
export type DeviceCommand = 'L' | 'P';

/** Frames the host sends to a rating button. */
export type HostFrame =
  | { type: 'A'; deviceId: number; seq: number }
  | { type: 'L'; deviceId: number; open: boolean }
  | { type: 'P'; deviceId: number };

/** Frames a rating button sends to the host. */
export type DeviceFrame =
  | { type: 'B'; deviceId: number; firmware: string }
  | { type: 'E'; deviceId: number; seq: number; value: RatingValue }
  | { type: 'H'; deviceId: number; uptimeS: number; pending: number; lost: number }
  | { type: 'K'; deviceId: number; command: DeviceCommand };

export type FrameDropReason =
  | 'bad-crc'
  | 'unknown-type'
  | 'field-count'
  | 'bad-field'
  | 'out-of-range'
  | 'malformed'
  | 'non-ascii'
  | 'too-long'
  | 'truncated';

export type BodyDecodeResult<F> = { ok: true; frame: F } | { ok: false; reason: FrameDropReason };

/** Thrown when asked to encode a frame the protocol cannot carry: a bug in the caller. */
export class FrameEncodeError extends Error {
  override readonly name = 'FrameEncodeError';
}

export function encodeHostFrame(frame: HostFrame): Buffer {
  const dev = encodeNumber('deviceId', frame.deviceId, DEVICE_ID_MIN, DEVICE_ID_MAX);
  switch (frame.type) {
    case 'A':
      return wrapBody(`A,${dev},${encodeNumber('seq', frame.seq, SEQ_MIN, SEQ_MAX)}`);
    case 'L':
      return wrapBody(`L,${dev},${frame.open ? 1 : 0}`);
    case 'P':
      return wrapBody(`P,${dev}`);
    default:
      return unknownFrame(frame);
  }
}

/** Device frames are encoded only by simulators and tests; the host never sends them. */
export function encodeDeviceFrame(frame: DeviceFrame): Buffer {
  const dev = encodeNumber('deviceId', frame.deviceId, DEVICE_ID_MIN, DEVICE_ID_MAX);
  switch (frame.type) {
    case 'B':
      if (!isFirmwareText(frame.firmware)) {
        throw new FrameEncodeError(`firmware must be 1..${FIRMWARE_MAX_LENGTH} printable ASCII characters without , * $`);
      }
      return wrapBody(`B,${dev},${frame.firmware}`);
    case 'E':
      return wrapBody(
        `E,${dev},${encodeNumber('seq', frame.seq, SEQ_MIN, SEQ_MAX)},${encodeNumber('value', frame.value, RATING_MIN, RATING_MAX)}`,
      );
    case 'H':
      return wrapBody(
        `H,${dev},${encodeNumber('uptimeS', frame.uptimeS, 0, COUNTER_MAX)},` +
          `${encodeNumber('pending', frame.pending, 0, MAX_PENDING_EVENTS)},${encodeNumber('lost', frame.lost, 0, COUNTER_MAX)}`,
      );
    case 'K':
      if (frame.command !== 'L' && frame.command !== 'P') throw new FrameEncodeError(`unknown command ${String(frame.command)}`);
      return wrapBody(`K,${dev},${frame.command}`);
    default:
      return unknownFrame(frame);
  }
}

/** `$body*HH\r\n` for a body already known to be valid. */
export function wrapBody(body: string): Buffer {
  const text = `$${body}*${crc8Hex(body)}\r\n`;
  if (text.length > MAX_FRAME_BYTES) throw new FrameEncodeError(`frame is ${text.length} bytes, the limit is ${MAX_FRAME_BYTES}`);
  return Buffer.from(text, 'ascii');
}

/**
 * Checks the envelope of one complete candidate frame (from '$' to "\r\n" inclusive) and returns
 * its body. The frame parser calls this; it is exported for tests and simulators.
 */
export function unwrapFrame(text: string): { ok: true; body: string } | { ok: false; reason: FrameDropReason } {
  if (text.length > MAX_FRAME_BYTES) return { ok: false, reason: 'too-long' };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7e || (code < 0x20 && code !== 0x0d && code !== 0x0a)) return { ok: false, reason: 'non-ascii' };
  }
  const star = text.length - 5;
  if (star < 2 || text[0] !== '$' || text[star] !== '*' || !text.endsWith('\r\n')) return { ok: false, reason: 'malformed' };
  const body = text.slice(1, star);
  const checksum = text.slice(star + 1, star + 3);
  if (!/^[0-9A-F]{2}$/.test(checksum) || /[$*\r\n]/.test(body)) return { ok: false, reason: 'malformed' };
  if (crc8Hex(body) !== checksum) return { ok: false, reason: 'bad-crc' };
  return { ok: true, body };
}

export function decodeDeviceBody(body: string): BodyDecodeResult<DeviceFrame> {
  const fields = body.split(',');
  const type = fields[0];
  const expected = type === 'B' || type === 'K' ? 3 : type === 'E' ? 4 : type === 'H' ? 5 : undefined;
  if (expected === undefined) return { ok: false, reason: 'unknown-type' };
  if (fields.length !== expected) return { ok: false, reason: 'field-count' };
  const deviceId = decodeNumber(fields[1], DEVICE_ID_MIN, DEVICE_ID_MAX);
  if (typeof deviceId !== 'number') return { ok: false, reason: deviceId };
  switch (type) {
    case 'B': {
      const firmware = fields[2] ?? '';
      return isFirmwareText(firmware) ? { ok: true, frame: { type, deviceId, firmware } } : { ok: false, reason: 'bad-field' };
    }
    case 'E': {
      const seq = decodeNumber(fields[2], SEQ_MIN, SEQ_MAX);
      if (typeof seq !== 'number') return { ok: false, reason: seq };
      const value = decodeNumber(fields[3], RATING_MIN, RATING_MAX);
      if (typeof value !== 'number') return { ok: false, reason: value };
      return { ok: true, frame: { type, deviceId, seq, value: value as RatingValue } };
    }
    case 'H': {
      const uptimeS = decodeNumber(fields[2], 0, COUNTER_MAX);
      if (typeof uptimeS !== 'number') return { ok: false, reason: uptimeS };
      const pending = decodeNumber(fields[3], 0, MAX_PENDING_EVENTS);
      if (typeof pending !== 'number') return { ok: false, reason: pending };
      const lost = decodeNumber(fields[4], 0, COUNTER_MAX);
      if (typeof lost !== 'number') return { ok: false, reason: lost };
      return { ok: true, frame: { type, deviceId, uptimeS, pending, lost } };
    }
    default: {
      const command = fields[2];
      return command === 'L' || command === 'P'
        ? { ok: true, frame: { type: 'K', deviceId, command } }
        : { ok: false, reason: 'bad-field' };
    }
  }
}

/** Host frames are decoded only by simulators and tests of the device side. */
export function decodeHostBody(body: string): BodyDecodeResult<HostFrame> {
  const fields = body.split(',');
  const type = fields[0];
  const expected = type === 'A' || type === 'L' ? 3 : type === 'P' ? 2 : undefined;
  if (expected === undefined) return { ok: false, reason: 'unknown-type' };
  if (fields.length !== expected) return { ok: false, reason: 'field-count' };
  const deviceId = decodeNumber(fields[1], DEVICE_ID_MIN, DEVICE_ID_MAX);
  if (typeof deviceId !== 'number') return { ok: false, reason: deviceId };
  switch (type) {
    case 'A': {
      const seq = decodeNumber(fields[2], SEQ_MIN, SEQ_MAX);
      return typeof seq === 'number' ? { ok: true, frame: { type, deviceId, seq } } : { ok: false, reason: seq };
    }
    case 'L': {
      const open = decodeNumber(fields[2], 0, 1);
      return typeof open === 'number' ? { ok: true, frame: { type, deviceId, open: open === 1 } } : { ok: false, reason: open };
    }
    default:
      return { ok: true, frame: { type: 'P', deviceId } };
  }
}

// One spelling per number (no sign, no leading zeros), so an accepted frame re-encodes to the
// same bytes and two parsers cannot disagree about what a field meant.
function decodeNumber(field: string | undefined, min: number, max: number): number | FrameDropReason {
  if (field === undefined || !/^(0|[1-9][0-9]{0,9})$/.test(field)) return 'bad-field';
  const value = Number(field);
  return value >= min && value <= max ? value : 'out-of-range';
}

function encodeNumber(name: string, value: number, min: number, max: number): string {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new FrameEncodeError(`${name} must be an integer ${min}..${max}, got ${String(value)}`);
  }
  return String(value);
}

function isFirmwareText(text: string): boolean {
  return text.length >= 1 && text.length <= FIRMWARE_MAX_LENGTH && /^[\x20-\x7e]+$/.test(text) && !/[,*$]/.test(text);
}

function unknownFrame(frame: never): never {
  throw new FrameEncodeError(`unknown frame type ${JSON.stringify((frame as { type?: unknown }).type)}`);
}
