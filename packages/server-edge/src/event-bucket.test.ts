import { describe, expect, it } from 'vitest';
import { createEventBucket } from './event-bucket.js';

describe('event bucket', () => {
  it('takes a burst, then the steady rate, and says disconnect after refusalsBeforeDisconnect refusals without refilling', () => {
    let now = 0;
    const bucket = createEventBucket(() => ({ perSecond: 2, burst: 3, refusalsBeforeDisconnect: 4 }), () => now);
    expect([1, 2, 3, 4].map(() => bucket.take())).toEqual(['take', 'take', 'take', 'refuse']);
    now += 500; // one token back
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual(['take', 'refuse', 'refuse', 'disconnect']);
  });

  it('forgets refusals once the bucket has been full again (a burst, not a flood)', () => {
    let now = 0;
    const bucket = createEventBucket(() => ({ perSecond: 2, burst: 2, refusalsBeforeDisconnect: 3 }), () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual(['take', 'take', 'refuse', 'refuse']);
    now += 1000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual(['take', 'take', 'refuse', 'refuse']);
  });

  it('reads its limits at each event, and none means no limit', () => {
    let limits: { perSecond: number; burst: number; refusalsBeforeDisconnect: number } | null = null;
    const bucket = createEventBucket(() => limits, () => 0);
    expect(Array.from({ length: 100 }, () => bucket.take()).every((v) => v === 'take')).toBe(true);
    limits = { perSecond: 1, burst: 1, refusalsBeforeDisconnect: 10 };
    expect([bucket.take(), bucket.take()]).toEqual(['take', 'refuse']);
  });
});
