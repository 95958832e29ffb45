import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE_MS, createIdleTimer, idleMsFromAddress } from './idle-timer.js';

describe('idle timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once after the quiet time, and every touch starts the wait over', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(30_000, onIdle);
    timer.poke();
    vi.advanceTimersByTime(20_000);
    timer.poke();
    vi.advanceTimersByTime(20_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires once stopped', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(1_000, onIdle);
    timer.poke();
    timer.stop();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('takes the quiet time from ?idle= in seconds, else 30 s', () => {
    expect(idleMsFromAddress('?idle=2')).toBe(2_000);
    expect(idleMsFromAddress('?token=x&idle=0.5')).toBe(500);
    expect(idleMsFromAddress('')).toBe(DEFAULT_IDLE_MS);
    expect(idleMsFromAddress('?idle=-1')).toBe(DEFAULT_IDLE_MS);
    expect(idleMsFromAddress('?idle=soon')).toBe(DEFAULT_IDLE_MS);
    expect(DEFAULT_IDLE_MS).toBe(30_000);
  });
});
