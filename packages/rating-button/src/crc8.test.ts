import { describe, expect, it } from 'vitest';
import { crc8, crc8Hex } from './crc8.js';

describe('crc8 (poly 0x07, init 0, no reflection, no xor)', () => {
  it.each([
    // The protocol's own example.
    ['P,7', 0xf3],
    // The catalogue check value of CRC-8/SMBUS.
    ['123456789', 0xf4],
    ['', 0x00],
    ['A,1,1', 0xc3],
    ['L,1,1', 0x37],
    ['L,1,0', 0x30],
    ['E,1,1,5', 0x7e],
    ['H,1,0,0,0', 0x4f],
    ['K,1,P', 0x3e],
    ['E,247,255,5', 0x28],
  ])('%j -> 0x%s', (body, expected) => {
    expect(crc8(body)).toBe(expected);
    expect(crc8(Buffer.from(body, 'ascii'))).toBe(expected);
  });

  it('writes two upper-case hex digits, zero padded', () => {
    expect(crc8Hex('P,7')).toBe('F3');
    expect(crc8Hex('')).toBe('00');
    expect(crc8Hex(new Uint8Array([0x07]))).toBe('15');
  });

  it('notices any single flipped bit in a body', () => {
    const body = Buffer.from('E,12,200,3', 'ascii');
    const good = crc8(body);
    for (let i = 0; i < body.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const damaged = Buffer.from(body);
        damaged[i] = (damaged[i] ?? 0) ^ (1 << bit);
        expect(crc8(damaged)).not.toBe(good);
      }
    }
  });
});
