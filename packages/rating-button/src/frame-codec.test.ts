import { describe, expect, it } from 'vitest';
import {
  decodeDeviceBody,
  decodeHostBody,
  encodeDeviceFrame,
  encodeHostFrame,
  FrameEncodeError,
  unwrapFrame,
  type DeviceFrame,
  type HostFrame,
} from './frame-codec.js';

const text = (bytes: Buffer) => bytes.toString('ascii');

describe('encodeHostFrame', () => {
  it.each<[HostFrame, string]>([
    [{ type: 'P', deviceId: 7 }, '$P,7*F3\r\n'],
    [{ type: 'A', deviceId: 1, seq: 1 }, '$A,1,1*C3\r\n'],
    [{ type: 'L', deviceId: 1, open: true }, '$L,1,1*37\r\n'],
    [{ type: 'L', deviceId: 1, open: false }, '$L,1,0*30\r\n'],
  ])('%j', (frame, wire) => {
    expect(text(encodeHostFrame(frame))).toBe(wire);
  });

  it.each<[string, HostFrame]>([
    ['device id 0', { type: 'P', deviceId: 0 }],
    ['device id 248', { type: 'P', deviceId: 248 }],
    ['fractional device id', { type: 'P', deviceId: 1.5 }],
    ['seq 0', { type: 'A', deviceId: 1, seq: 0 }],
    ['seq 256', { type: 'A', deviceId: 1, seq: 256 }],
    ['unknown type', { type: 'Z', deviceId: 1 } as unknown as HostFrame],
  ])('refuses %s with a typed error', (_name, frame) => {
    expect(() => encodeHostFrame(frame)).toThrow(FrameEncodeError);
  });
});

describe('device frames', () => {
  it.each<[DeviceFrame, string]>([
    [{ type: 'B', deviceId: 1, firmware: '1.0' }, '$B,1,1.0*5C\r\n'],
    [{ type: 'E', deviceId: 1, seq: 1, value: 5 }, '$E,1,1,5*7E\r\n'],
    [{ type: 'E', deviceId: 247, seq: 255, value: 5 }, '$E,247,255,5*28\r\n'],
    [{ type: 'H', deviceId: 1, uptimeS: 0, pending: 0, lost: 0 }, '$H,1,0,0,0*4F\r\n'],
    [{ type: 'K', deviceId: 1, command: 'P' }, '$K,1,P*3E\r\n'],
  ])('%j encodes and decodes back', (frame, wire) => {
    expect(text(encodeDeviceFrame(frame))).toBe(wire);
    const envelope = unwrapFrame(wire);
    expect(envelope.ok).toBe(true);
    if (envelope.ok) expect(decodeDeviceBody(envelope.body)).toEqual({ ok: true, frame });
  });

  it('carries the largest heartbeat within 48 bytes', () => {
    const wire = encodeDeviceFrame({ type: 'H', deviceId: 247, uptimeS: 4294967295, pending: 8, lost: 4294967295 });
    expect(wire.length).toBeLessThanOrEqual(48);
  });

  it.each([
    ['E,1,1,5', { ok: true }],
    ['X,1', { ok: false, reason: 'unknown-type' }],
    ['EE,1,1,5', { ok: false, reason: 'unknown-type' }],
    ['A,1,1', { ok: false, reason: 'unknown-type' }],
    ['E,1,1', { ok: false, reason: 'field-count' }],
    ['E,1,1,5,5', { ok: false, reason: 'field-count' }],
    ['H,1,0,0', { ok: false, reason: 'field-count' }],
    ['K,1', { ok: false, reason: 'field-count' }],
    ['E,0,1,5', { ok: false, reason: 'out-of-range' }],
    ['E,248,1,5', { ok: false, reason: 'out-of-range' }],
    ['E,1,0,5', { ok: false, reason: 'out-of-range' }],
    ['E,1,256,5', { ok: false, reason: 'out-of-range' }],
    ['E,1,1,0', { ok: false, reason: 'out-of-range' }],
    ['E,1,1,6', { ok: false, reason: 'out-of-range' }],
    ['H,1,0,9,0', { ok: false, reason: 'out-of-range' }],
    ['H,1,4294967296,0,0', { ok: false, reason: 'out-of-range' }],
    ['E,01,1,5', { ok: false, reason: 'bad-field' }],
    ['E,1,+1,5', { ok: false, reason: 'bad-field' }],
    ['E,1,-1,5', { ok: false, reason: 'bad-field' }],
    ['E,1, 1,5', { ok: false, reason: 'bad-field' }],
    ['E,1,,5', { ok: false, reason: 'bad-field' }],
    ['E,1,1e2,5', { ok: false, reason: 'bad-field' }],
    ['K,1,A', { ok: false, reason: 'bad-field' }],
    ['B,1,', { ok: false, reason: 'bad-field' }],
    ['B,1,12345678901234567', { ok: false, reason: 'bad-field' }],
  ])('decodeDeviceBody(%j)', (body, expected) => {
    expect(decodeDeviceBody(body)).toMatchObject(expected);
  });

  it('refuses to encode what it would not decode', () => {
    expect(() => encodeDeviceFrame({ type: 'B', deviceId: 1, firmware: 'a,b' })).toThrow(FrameEncodeError);
    expect(() => encodeDeviceFrame({ type: 'H', deviceId: 1, uptimeS: 1, pending: 9, lost: 0 })).toThrow(FrameEncodeError);
    expect(() => encodeDeviceFrame({ type: 'E', deviceId: 1, seq: 1, value: 6 as 5 })).toThrow(FrameEncodeError);
  });
});

describe('decodeHostBody', () => {
  it.each([
    ['A,3,200', { ok: true, frame: { type: 'A', deviceId: 3, seq: 200 } }],
    ['L,3,1', { ok: true, frame: { type: 'L', deviceId: 3, open: true } }],
    ['L,3,0', { ok: true, frame: { type: 'L', deviceId: 3, open: false } }],
    ['P,3', { ok: true, frame: { type: 'P', deviceId: 3 } }],
    ['L,3,2', { ok: false, reason: 'out-of-range' }],
    ['P,3,1', { ok: false, reason: 'field-count' }],
    ['E,3,1,1', { ok: false, reason: 'unknown-type' }],
  ])('%j', (body, expected) => {
    expect(decodeHostBody(body)).toEqual(expected);
  });
});

describe('unwrapFrame', () => {
  it.each([
    ['$P,7*F3\r\n', { ok: true, body: 'P,7' }],
    ['$P,7*F4\r\n', { ok: false, reason: 'bad-crc' }],
    ['$P,7*f3\r\n', { ok: false, reason: 'malformed' }],
    ['$P,7*F3\n', { ok: false, reason: 'malformed' }],
    ['$P,7F3\r\n', { ok: false, reason: 'malformed' }],
    ['$*00\r\n', { ok: false, reason: 'malformed' }],
    ['$P*7*F3\r\n', { ok: false, reason: 'malformed' }],
    ['$P,\t7*F3\r\n', { ok: false, reason: 'non-ascii' }],
    [`$H,1,${'9'.repeat(40)}*00\r\n`, { ok: false, reason: 'too-long' }],
  ])('%j', (frame, expected) => {
    expect(unwrapFrame(frame)).toEqual(expected);
  });
});
