import { describe, expect, it } from 'vitest';
import { breakNotice, formatDuration, serviceTime, waitedMs } from './visitor-clock.js';

const at = (iso: string) => Date.parse(iso);

describe('waitedMs', () => {
  it('counts from issue to call', () => {
    expect(waitedMs({ issuedAt: at('2026-11-23T07:00:00Z'), calledAt: at('2026-11-23T07:12:30Z') }, at('2026-11-23T08:00:00Z'))).toBe(750_000);
  });
  it('counts to now while not called', () => {
    expect(waitedMs({ issuedAt: at('2026-11-23T07:00:00Z') }, at('2026-11-23T07:03:00Z'))).toBe(180_000);
  });
});

describe('serviceTime', () => {
  const start = at('2026-11-23T07:00:00Z');
  it.each([
    [undefined, 0, null],
    [start, 4 * 60_000, { ms: 240_000, overNorm: false }],
    [start, 5 * 60_000, { ms: 300_000, overNorm: false }],
    [start, 5 * 60_000 + 1000, { ms: 301_000, overNorm: true }],
  ])('started %s, %s ms later, norm 5 min', (servingStartedAt, later, expected) => {
    const ticket = servingStartedAt === undefined ? { normMinutes: 5 } : { servingStartedAt, normMinutes: 5 };
    expect(serviceTime(ticket, start + later)).toEqual(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [75_000, '1:15'],
    [599_999, '9:59'],
    [3_725_000, '1:02:05'],
    [-5, '0:00'],
  ])('%s ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('breakNotice', () => {
  const lunch = { from: '12:00', to: '12:45' };
  // Moscow is UTC+3 all year: 08:50Z is 11:50 at the office.
  it.each([
    ['2026-11-23T08:30:00Z', null],
    ['2026-11-23T08:45:00Z', { kind: 'soon', inMinutes: 15 }],
    ['2026-11-23T08:50:00Z', { kind: 'soon', inMinutes: 10 }],
    ['2026-11-23T09:00:00Z', { kind: 'now' }],
    ['2026-11-23T09:44:00Z', { kind: 'now' }],
    ['2026-11-23T09:45:00Z', null],
  ])('at %s', (iso, expected) => {
    expect(breakNotice(lunch, at(iso), 'Europe/Moscow')).toEqual(expected);
  });
  it('reads the office clock, not UTC', () => {
    expect(breakNotice(lunch, at('2026-11-23T12:10:00Z'), 'UTC')).toEqual({ kind: 'now' });
    expect(breakNotice(lunch, at('2026-11-23T12:10:00Z'), 'Europe/Moscow')).toBeNull();
  });
  it('says nothing without a plan', () => {
    expect(breakNotice(undefined, at('2026-11-23T09:00:00Z'), 'Europe/Moscow')).toBeNull();
  });
});
