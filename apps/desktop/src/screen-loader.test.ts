import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScreenLoader, type OfflineView } from './screen-loader.js';

const URL = 'http://office:8080/kiosk?token=t';

function harness(answers: { load: boolean[]; probe: boolean[] }) {
  const log: string[] = [];
  const offline: OfflineView[] = [];
  const loader = new ScreenLoader(URL, {
    load: async (url) => {
      const ok = answers.load.shift() ?? true;
      log.push(`load ${ok ? 'ok' : 'failed'}`);
      expect(url).toBe(URL);
      if (!ok) throw new Error('ERR_CONNECTION_REFUSED');
    },
    probe: async () => {
      const ok = answers.probe.shift() ?? true;
      log.push(`probe ${ok ? 'ok' : 'failed'}`);
      return ok;
    },
    showOffline: async (view) => {
      offline.push(view);
      log.push(`offline #${view.attempt} retry in ${view.retryInMs}`);
    },
    logger: pino({ level: 'silent' }),
  });
  return { loader, log, offline };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('screen loader', () => {
  it('shows the screen and nothing else when the server answers', async () => {
    const { loader, log } = harness({ load: [true], probe: [] });
    await loader.open();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(log).toEqual(['load ok']);
    expect(loader.offline).toBe(false);
  });

  it('shows the offline page, probes on a growing delay, and loads the screen once the server answers', async () => {
    const { loader, log } = harness({ load: [false, true], probe: [false, false, true] });
    await loader.open();
    expect(log).toEqual(['load failed', 'offline #1 retry in 1000']);
    await vi.advanceTimersByTimeAsync(999);
    expect(log).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(log.slice(2)).toEqual(['probe failed', 'offline #2 retry in 2000']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(log.slice(4)).toEqual(['probe failed', 'offline #3 retry in 5000']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(log.slice(6)).toEqual(['probe ok', 'load ok']);
    expect(loader.offline).toBe(false);
  });

  it('keeps trying every 30 s however long the server is away', async () => {
    const { loader, offline } = harness({ load: [false], probe: Array(20).fill(false) });
    await loader.open();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 5_000 + 10_000 + 30_000 * 5);
    expect(offline.map((view) => view.retryInMs)).toEqual([1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000]);
    expect(offline.at(-1)!.attempt).toBe(10);
  });

  it('goes offline when a loaded page fails later, and counts attempts afresh after a recovery', async () => {
    const { loader, offline, log } = harness({ load: [true, true], probe: [true] });
    await loader.open();
    await loader.pageFailed();
    expect(offline).toEqual([{ attempt: 1, retryInMs: 1_000 }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual(['load ok', 'offline #1 retry in 1000', 'probe ok', 'load ok']);
    await loader.pageFailed();
    expect(offline.at(-1)).toEqual({ attempt: 1, retryInMs: 1_000 });
  });

  it('a reload asked for while waiting replaces the pending retry instead of adding one', async () => {
    const { loader, log } = harness({ load: [false, false], probe: [true] });
    await loader.open();
    await loader.open();
    expect(log).toEqual(['load failed', 'offline #1 retry in 1000', 'load failed', 'offline #2 retry in 2000']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log.slice(4)).toEqual(['probe ok', 'load ok']);
  });

  it('leaves the failure of its own load to that load: one offline page, not two', async () => {
    let failLoad: (error: Error) => void = () => undefined;
    const offline: OfflineView[] = [];
    const loader = new ScreenLoader(URL, {
      load: () => new Promise<void>((_resolve, reject) => (failLoad = reject)),
      probe: async () => false,
      showOffline: async (view) => void offline.push(view),
      logger: pino({ level: 'silent' }),
    });
    const opening = loader.open();
    // Electron reports did-fail-load before loadURL's promise rejects.
    await loader.pageFailed();
    failLoad(new Error('ERR_CONNECTION_REFUSED'));
    await opening;
    expect(offline).toEqual([{ attempt: 1, retryInMs: 1_000 }]);
  });

  it('stops retrying when stopped', async () => {
    const { loader, log } = harness({ load: [false], probe: [] });
    await loader.open();
    loader.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(log).toEqual(['load failed', 'offline #1 retry in 1000']);
  });
});
