import type { Failure } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { withBookingRecord, type BookingRecord } from './check-in-refusal.js';

const notFound: Failure = { ok: false, code: 'booking-not-found', message: 'no booking with this code is waiting to be checked in' };

describe("a booking code the queue no longer holds, told by the office's record", () => {
  it.each<[string, BookingRecord | undefined, Partial<Failure>]>([
    ['never booked', undefined, { code: 'booking-not-found' }],
    ['checked in', { status: 'arrived', usedAt: 1_000 }, { code: 'booking-already-used', details: { usedAt: 1_000 } }],
    ['checked in late as a walk-in', { status: 'late', usedAt: 2_000 }, { code: 'booking-already-used', details: { usedAt: 2_000 } }],
    ['checked in, its ticket forgotten', { status: 'arrived', usedAt: null }, { code: 'booking-already-used' }],
    ['cancelled', { status: 'cancelled', usedAt: null }, { code: 'booking-cancelled' }],
    ['expired with its day', { status: 'expired', usedAt: null }, { code: 'booking-expired' }],
    ['still booked (another day)', { status: 'booked', usedAt: null }, { code: 'booking-not-found' }],
  ])('%s', (_label, record, expected) => {
    expect(withBookingRecord(notFound, record)).toMatchObject({ ok: false, ...expected });
  });

  it('leaves other refusals alone', () => {
    const early: Failure = { ok: false, code: 'booking-too-early', message: 'early' };
    expect(withBookingRecord(early, { status: 'arrived', usedAt: 1 })).toBe(early);
  });
});
