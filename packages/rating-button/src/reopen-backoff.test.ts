import { describe, expect, it } from 'vitest';
import { reopenDelayMs } from './reopen-backoff.js';

describe('reopenDelayMs', () => {
  it('doubles from 250 ms and stays at the 5 s cap forever', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50, 10_000].map((attempt) => reopenDelayMs(attempt))).toEqual([
      250, 500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000, 5_000,
    ]);
  });

  it('takes its own bounds', () => {
    expect([0, 1, 2].map((attempt) => reopenDelayMs(attempt, { initialMs: 10, maxMs: 15 }))).toEqual([10, 15, 15]);
  });
});
