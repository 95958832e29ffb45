import { describe, expect, it } from 'vitest';
import { encodeDeviceFrame } from './frame-codec.js';
import { createDeviceFrameParser, createHostFrameParser } from './frame-parser.js';

const ascii = (text: string) => Buffer.from(text, 'latin1');

function parseAll(...chunks: (string | Uint8Array)[]) {
  const parser = createDeviceFrameParser();
  return chunks.flatMap((chunk) => parser.push(typeof chunk === 'string' ? ascii(chunk) : chunk));
}

const rating = encodeDeviceFrame({ type: 'E', deviceId: 1, seq: 1, value: 5 }).toString('ascii');

describe('FrameParser', () => {
  it('decodes a frame delivered one byte at a time', () => {
    const parser = createDeviceFrameParser();
    const out = [...rating].flatMap((char) => parser.push(ascii(char)));
    expect(out).toEqual([{ kind: 'frame', frame: { type: 'E', deviceId: 1, seq: 1, value: 5 }, raw: rating }]);
  });

  it('decodes several frames in one chunk, skipping noise between them', () => {
    const out = parseAll(`noise${rating}\r\n\x00\xff${rating}junk`);
    expect(out.map((item) => item.kind)).toEqual(['frame', 'frame']);
  });

  it.each([
    ['a bad CRC', '$E,1,1,5*7F\r\n', 'bad-crc'],
    ['a lower-case CRC', '$P,7*f3\r\n', 'malformed'],
    ['a missing carriage return', '$P,7*F3\n', 'malformed'],
  ])('drops %s', (_name, input, reason) => {
    expect(parseAll(input)).toEqual([{ kind: 'drop', reason, raw: input }]);
  });

  it('reports the decode reason when the envelope is sound', () => {
    // Bodies with a correct CRC, so only their content is wrong.
    const withCrc = (body: string) => `$${body}*${crcOf(body)}\r\n`;
    expect(parseAll(withCrc('Q,1'))).toMatchObject([{ kind: 'drop', reason: 'unknown-type' }]);
    expect(parseAll(withCrc('E,1,1'))).toMatchObject([{ kind: 'drop', reason: 'field-count' }]);
    expect(parseAll(withCrc('E,1,1,9'))).toMatchObject([{ kind: 'drop', reason: 'out-of-range' }]);
    expect(parseAll(withCrc('E,248,1,1'))).toMatchObject([{ kind: 'drop', reason: 'out-of-range' }]);
    expect(parseAll(withCrc('E,1,0,1'))).toMatchObject([{ kind: 'drop', reason: 'out-of-range' }]);
  });

  it('drops a frame cut short by a new $ and keeps the new one', () => {
    const out = parseAll(`$E,1,2,`, rating);
    expect(out).toEqual([
      { kind: 'drop', reason: 'truncated', raw: '$E,1,2,' },
      { kind: 'frame', frame: { type: 'E', deviceId: 1, seq: 1, value: 5 }, raw: rating },
    ]);
  });

  it('drops a frame with a non-ASCII byte and resynchronises on the next $', () => {
    const out = parseAll(ascii('$E,1,\xe9,5*00\r\n'), rating);
    expect(out.map((item) => (item.kind === 'drop' ? item.reason : item.frame.type))).toEqual(['non-ascii', 'E']);
  });

  it('drops input longer than 48 bytes without a line end, then recovers', () => {
    const long = `$H,1,${'1'.repeat(60)}`;
    const out = parseAll(long, '\r\n', rating);
    expect(out.map((item) => (item.kind === 'drop' ? item.reason : item.frame.type))).toEqual(['too-long', 'E']);
  });

  it('reads a 48-byte frame to its end but stops a 49-byte one at the limit', () => {
    // No valid device frame is this long, so the 48-byte one is judged on content, not length.
    const frameOfLength = (length: number) => {
      const body = `B,1,${'x'.repeat(length - 10)}`;
      return `$${body}*${crcOf(body)}\r\n`;
    };
    expect(frameOfLength(48)).toHaveLength(48);
    expect(parseAll(frameOfLength(48))).toMatchObject([{ kind: 'drop', reason: 'bad-field' }]);
    expect(parseAll(frameOfLength(49), rating)).toMatchObject([
      { kind: 'drop', reason: 'too-long' },
      { kind: 'frame', frame: { type: 'E' } },
    ]);
  });

  it('forgets a partial frame on reset', () => {
    const parser = createDeviceFrameParser();
    expect(parser.push(ascii(rating.slice(0, 6)))).toEqual([]);
    parser.reset();
    expect(parser.push(ascii(rating.slice(6)))).toEqual([]);
    expect(parser.push(ascii(rating))).toHaveLength(1);
  });

  it('parses host frames on the device side', () => {
    const parser = createHostFrameParser();
    expect(parser.push(ascii('$P,7*F3\r\n$L,1,1*37\r\n'))).toEqual([
      { kind: 'frame', frame: { type: 'P', deviceId: 7 }, raw: '$P,7*F3\r\n' },
      { kind: 'frame', frame: { type: 'L', deviceId: 1, open: true }, raw: '$L,1,1*37\r\n' },
    ]);
  });
});

function crcOf(body: string): string {
  let crc = 0;
  for (const char of body) {
    crc ^= char.charCodeAt(0);
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc.toString(16).toUpperCase().padStart(2, '0');
}
