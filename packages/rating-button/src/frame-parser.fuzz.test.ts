import { describe, expect, it } from 'vitest';
import { encodeDeviceFrame, type DeviceFrame } from './frame-codec.js';
import { createDeviceFrameParser } from './frame-parser.js';

// Seeded, so a failure names the seed that reproduces it.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- An oracle written apart from the codec: regexes per type and CRC by polynomial division. ---

function crcByDivision(body: string): number {
  // CRC with init 0, no reflection, no xor is the remainder of M(x)·x^8 divided by x^8+x^2+x+1.
  let message = 0n;
  for (const char of body) message = (message << 8n) | BigInt(char.charCodeAt(0));
  let remainder = message << 8n;
  const divisor = 0x107n;
  for (let degree = BigInt(remainder.toString(2).length - 1); degree >= 8n; degree--) {
    if ((remainder >> degree) & 1n) remainder ^= divisor << (degree - 8n);
  }
  return Number(remainder);
}

const inRange = (text: string, min: number, max: number) => /^(0|[1-9][0-9]*)$/.test(text) && Number(text) >= min && Number(text) <= max;

function oracleDecode(candidate: string): DeviceFrame | undefined {
  if (candidate.length > 48) return undefined;
  const envelope = /^\$([\x20-\x7e]+)\*([0-9A-F]{2})\r\n$/.exec(candidate);
  if (!envelope) return undefined;
  const body = envelope[1] ?? '';
  if (/[$*]/.test(body) || crcByDivision(body) !== parseInt(envelope[2] ?? '', 16)) return undefined;
  let m: RegExpExecArray | null;
  if ((m = /^E,(\d+),(\d+),(\d+)$/.exec(body)) && inRange(m[1]!, 1, 247) && inRange(m[2]!, 1, 255) && inRange(m[3]!, 1, 5)) {
    return { type: 'E', deviceId: Number(m[1]), seq: Number(m[2]), value: Number(m[3]) as 1 };
  }
  if ((m = /^H,(\d+),(\d+),(\d+),(\d+)$/.exec(body)) && inRange(m[1]!, 1, 247) && inRange(m[2]!, 0, 2 ** 32 - 1) && inRange(m[3]!, 0, 8) && inRange(m[4]!, 0, 2 ** 32 - 1)) {
    return { type: 'H', deviceId: Number(m[1]), uptimeS: Number(m[2]), pending: Number(m[3]), lost: Number(m[4]) };
  }
  if ((m = /^B,(\d+),([^,]{1,16})$/.exec(body)) && inRange(m[1]!, 1, 247)) {
    return { type: 'B', deviceId: Number(m[1]), firmware: m[2]! };
  }
  if ((m = /^K,(\d+),([LP])$/.exec(body)) && inRange(m[1]!, 1, 247)) {
    return { type: 'K', deviceId: Number(m[1]), command: m[2] as 'L' };
  }
  return undefined;
}

/** Every valid frame in the stream: from a '$' to the next '\n', with no other '$' between. */
function oracleFrames(stream: Uint8Array): DeviceFrame[] {
  const text = Buffer.from(stream).toString('latin1');
  const frames: DeviceFrame[] = [];
  for (let start = text.indexOf('$'); start >= 0; start = text.indexOf('$', start + 1)) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    const candidate = text.slice(start, end + 1);
    if (candidate.indexOf('$', 1) >= 0) continue;
    const frame = oracleDecode(candidate);
    if (frame) frames.push(frame);
  }
  return frames;
}

// --- Stream makers. ---

function randomFrame(random: () => number): DeviceFrame {
  const pick = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const deviceId = pick(1, 247);
  switch (pick(0, 3)) {
    case 0:
      return { type: 'E', deviceId, seq: pick(1, 255), value: pick(1, 5) as 1 };
    case 1:
      return { type: 'H', deviceId, uptimeS: pick(0, 2 ** 32 - 1), pending: pick(0, 8), lost: pick(0, 3) };
    case 2:
      return { type: 'B', deviceId, firmware: `${pick(0, 9)}.${pick(0, 99)}` };
    default:
      return { type: 'K', deviceId, command: random() < 0.5 ? 'L' : 'P' };
  }
}

const HOSTILE = [...'$$$,,,***\r\r\n\n0123456789EEEHBKABCDEFLP'].map((c) => c.charCodeAt(0)).concat([0x00, 0x7f, 0x80, 0xa4, 0xff]);

function hostileStream(random: () => number, length: number): { bytes: Uint8Array; planted: number } {
  const bytes: number[] = [];
  let planted = 0;
  while (bytes.length < length) {
    const roll = random();
    if (roll < 0.1) {
      bytes.push(...encodeDeviceFrame(randomFrame(random)));
      planted++;
    } else if (roll < 0.25) {
      // A real frame, damaged: one byte replaced, cut short, or with a stray byte inside.
      const frame = [...encodeDeviceFrame(randomFrame(random))];
      const at = Math.floor(random() * frame.length);
      const damage = random();
      if (damage < 0.4) frame[at] = HOSTILE[Math.floor(random() * HOSTILE.length)] ?? 0;
      else if (damage < 0.7) frame.length = at;
      else frame.splice(at, 0, Math.floor(random() * 256));
      bytes.push(...frame);
    } else {
      const run = 1 + Math.floor(random() * 12);
      for (let i = 0; i < run; i++) bytes.push(HOSTILE[Math.floor(random() * HOSTILE.length)] ?? 0);
    }
  }
  return { bytes: Uint8Array.from(bytes), planted };
}

function parseInRandomChunks(stream: Uint8Array, random: () => number): DeviceFrame[] {
  const parser = createDeviceFrameParser();
  const frames: DeviceFrame[] = [];
  for (let offset = 0; offset < stream.length; ) {
    const size = 1 + Math.floor(random() * 64);
    for (const item of parser.push(stream.subarray(offset, offset + size))) {
      if (item.kind === 'frame') frames.push(item.frame);
    }
    offset += size;
  }
  return frames;
}

describe('frame parser under fuzz', () => {
  it.each(Array.from({ length: 40 }, (_, i) => 1000 + i))('random bytes never make a frame the oracle does not see (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const stream = Uint8Array.from({ length: 20_000 }, () => Math.floor(random() * 256));
    const frames = parseInRandomChunks(stream, random);
    expect(frames).toEqual(oracleFrames(stream));
    expect(frames.filter((frame) => frame.type === 'E')).toEqual([]);
  });

  it.each(Array.from({ length: 60 }, (_, i) => 2000 + i))('hostile stream yields exactly the valid frames in it (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const { bytes, planted } = hostileStream(random, 8_000);
    const frames = parseInRandomChunks(bytes, random);
    const expected = oracleFrames(bytes);
    expect(frames).toEqual(expected);
    // The damage must not hide the frames planted whole (a stray byte after one cannot hurt it).
    expect(frames.length).toBeGreaterThanOrEqual(Math.floor(planted * 0.5));
  });

  it('a hostile stream with no frame planted yields no rating', () => {
    const random = mulberry32(77);
    const stream = Uint8Array.from({ length: 200_000 }, () => HOSTILE[Math.floor(random() * HOSTILE.length)] ?? 0);
    const frames = parseInRandomChunks(stream, random);
    expect(frames).toEqual(oracleFrames(stream));
    expect(frames.filter((frame) => frame.type === 'E')).toEqual([]);
  });

  it('the oracle agrees with the protocol example', () => {
    expect(crcByDivision('P,7')).toBe(0xf3);
    expect(oracleFrames(Buffer.from('$E,1,1,5*7E\r\n', 'ascii'))).toEqual([{ type: 'E', deviceId: 1, seq: 1, value: 5 }]);
  });
});
