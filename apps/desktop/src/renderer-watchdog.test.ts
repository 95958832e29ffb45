import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RendererWatchdog } from './renderer-watchdog.js';

const timings = { hangGraceMs: 15_000, reloadDelaysMs: [500, 2_000, 10_000], calmAfterMs: 60_000 };

function harness() {
  const log: string[] = [];
  const watchdog = new RendererWatchdog(
    { reload: () => log.push(`reload at ${Date.now()}`), crash: () => log.push(`crash at ${Date.now()}`), logger: pino({ level: 'silent' }) },
    timings,
  );
  return { watchdog, log };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('renderer watchdog', () => {
  it('reloads a crashed page after a short wait', async () => {
    const { watchdog, log } = harness();
    watchdog.gone({ reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(499);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['reload at 500']);
  });

  it('waits longer after each crash in a row, and starts afresh after a calm spell', async () => {
    const { watchdog, log } = harness();
    for (const wait of [500, 2_000, 10_000, 10_000]) {
      watchdog.gone({ reason: 'oom', exitCode: 0 });
      await vi.advanceTimersByTimeAsync(wait);
    }
    expect(log).toEqual(['reload at 500', 'reload at 2500', 'reload at 12500', 'reload at 22500']);
    await vi.advanceTimersByTimeAsync(60_001);
    watchdog.gone({ reason: 'crashed', exitCode: 1 });
    await vi.advanceTimersByTimeAsync(500);
    expect(log.at(-1)).toBe(`reload at ${22_500 + 60_001 + 500}`);
  });

  it('kills a page hung past the grace period and reloads it once, even when the kill is reported as gone', async () => {
    const { watchdog, log } = harness();
    watchdog.unresponsive();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['crash at 15000']);
    watchdog.gone({ reason: 'killed', exitCode: 9 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(log).toEqual(['crash at 15000', 'reload at 15500']);
  });

  it('leaves a page alone that answers again within the grace period', async () => {
    const { watchdog, log } = harness();
    watchdog.unresponsive();
    await vi.advanceTimersByTimeAsync(10_000);
    watchdog.responsive();
    watchdog.unresponsive();
    await vi.advanceTimersByTimeAsync(10_000);
    watchdog.responsive();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log).toEqual([]);
  });

  it('does nothing once stopped (the app is quitting)', async () => {
    const { watchdog, log } = harness();
    watchdog.gone({ reason: 'crashed', exitCode: 1 });
    watchdog.unresponsive();
    watchdog.stop();
    watchdog.gone({ reason: 'crashed', exitCode: 1 });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(log).toEqual([]);
  });
});
