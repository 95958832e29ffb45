import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../clock.js';
import { silentLogger } from '../logger.js';
import { openDatabase } from '../storage/open-database.js';
import { PRESS_PRUNING_INTERVAL_MS, PRESS_RETENTION_MS, startPressRetention } from './press-retention.js';
import { createRatingPresses } from './rating-presses.js';

const DAY = 24 * 60 * 60_000;
const press = (seq: number) => ({ deskId: 'desk-1', buttonDeviceId: 7, seq, value: 5 });

describe('rating press retention', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  function office() {
    const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0));
    const presses = createRatingPresses(openDatabase(':memory:'), clock.now);
    const seqsLeft = () => presses.ofDesk('desk-1').map((p) => p.seq);
    return { clock, presses, seqsLeft };
  }

  it('forgets presses past the retention at start-up, and keeps the one exactly at it and younger', () => {
    const { clock, presses, seqsLeft } = office();
    presses.record(press(1), null);
    clock.advance(1);
    presses.record(press(2), null);
    clock.advance(30 * DAY);
    presses.record(press(3), null);
    clock.advance(PRESS_RETENTION_MS - 30 * DAY);
    // Now press 1 is one millisecond past the retention, press 2 exactly at it.
    const retention = startPressRetention(presses, clock, silentLogger());
    expect(seqsLeft()).toEqual([2, 3]);
    retention.stop();
  });

  it('forgets again once a day while the server runs, and not after it stops', () => {
    const { clock, presses, seqsLeft } = office();
    const retention = startPressRetention(presses, clock, silentLogger());
    presses.record(press(1), null);
    clock.advance(10 * DAY);
    presses.record(press(2), null);
    clock.advance(PRESS_RETENTION_MS - 10 * DAY + 1);
    expect(seqsLeft()).toEqual([1, 2]);
    vi.advanceTimersByTime(PRESS_PRUNING_INTERVAL_MS - 1);
    expect(seqsLeft()).toEqual([1, 2]);
    vi.advanceTimersByTime(1);
    expect(seqsLeft()).toEqual([2]);
    retention.stop();
    clock.advance(30 * DAY);
    vi.advanceTimersByTime(30 * PRESS_PRUNING_INTERVAL_MS);
    expect(seqsLeft()).toEqual([2]);
  });

  it('does not stop the server when the database refuses', () => {
    const { clock } = office();
    const failing = { forgetBefore: () => { throw new Error('database is locked'); } };
    const retention = startPressRetention(failing, clock, silentLogger());
    expect(() => vi.advanceTimersByTime(PRESS_PRUNING_INTERVAL_MS)).not.toThrow();
    retention.stop();
  });
});
