import { useEffect, useRef } from 'react';

/** A kiosk left half-way by one visitor must greet the next one at home, in Russian, in plain contrast. */
export const DEFAULT_IDLE_MS = 30_000;

interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface IdleTimer {
  /** Someone touched the screen: the wait starts over. */
  poke(): void;
  stop(): void;
}

export function createIdleTimer(ms: number, onIdle: () => void, timers: Timers = globalThis as unknown as Timers): IdleTimer {
  let handle: unknown = null;
  const stop = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return {
    poke() {
      stop();
      handle = timers.setTimeout(() => {
        handle = null;
        onIdle();
      }, ms);
    },
    stop,
  };
}

/** `?idle=2` shortens the wait to 2 s, for tests and for trying the kiosk by hand. */
export function idleMsFromAddress(search: string): number {
  const seconds = Number(new URLSearchParams(search).get('idle'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : DEFAULT_IDLE_MS;
}

/**
 * Runs `onIdle` after `ms` without a touch while `away` is true (the kiosk is not at its resting
 * state). Any press anywhere restarts the wait.
 */
export function useIdleReturn(ms: number, away: boolean, onIdle: () => void): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!away) return;
    const timer = createIdleTimer(ms, () => latest.current());
    const poke = () => timer.poke();
    timer.poke();
    window.addEventListener('pointerdown', poke, true);
    window.addEventListener('keydown', poke, true);
    return () => {
      timer.stop();
      window.removeEventListener('pointerdown', poke, true);
      window.removeEventListener('keydown', poke, true);
    };
  }, [ms, away]);
}
