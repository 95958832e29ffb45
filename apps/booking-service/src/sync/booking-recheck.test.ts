import { describe, expect, it } from 'vitest';
import { createBookingRecheck } from './booking-recheck.js';

describe('the booking recheck under nudges', () => {
  const setUp = (stored: Record<string, number>) => {
    const nudged: [string, number][] = [];
    const asked: string[][] = [];
    const recheck = createBookingRecheck({
      versions: async (ids) => {
        asked.push(ids);
        return new Map(ids.filter((id) => id in stored).map((id) => [id, stored[id]!]));
      },
      nudge: (officeId, version) => nudged.push([officeId, version]),
    });
    return { recheck, nudged, asked };
  };

  it('nudges only the linked offices whose bookings moved past what they know', async () => {
    const { recheck, nudged } = setUp({ north: 7, south: 3, east: 9 });
    recheck.known('north', 5);
    recheck.known('south', 3);
    expect(await recheck.check()).toBe(1);
    expect(nudged).toEqual([['north', 7]]);
  });

  it('forgets an office when its link goes, so the table holds linked offices only', async () => {
    const { recheck, nudged, asked } = setUp({ north: 7 });
    recheck.known('north', 1);
    recheck.unlinked('north');
    expect(recheck.size()).toBe(0);
    expect(await recheck.check()).toBe(0);
    expect(nudged).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('asks about many offices a thousand at a time', async () => {
    const stored = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`o${i}`, 2]));
    const { recheck, nudged, asked } = setUp(stored);
    for (let i = 0; i < 2500; i += 1) recheck.known(`o${i}`, i % 2);
    expect(await recheck.check()).toBe(2500);
    expect(asked.map((ids) => ids.length)).toEqual([1000, 1000, 500]);
    expect(nudged).toHaveLength(2500);
  });

  it('runs one check at a time', async () => {
    const { recheck, asked } = setUp({ north: 2 });
    recheck.known('north', 1);
    const [first, second] = [recheck.check(), recheck.check()];
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    expect(asked).toHaveLength(1);
  });
});
