import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface PushDoorLimits {
  /** Pushes taken and not yet answered (waiting for the store) past which new ones are refused. */
  maxPushesWaiting: number;
  /** Event-loop lag (ms, over the last second) past which new pushes are refused. */
  maxEventLoopLagMs: number;
}

export type PushRefusal = 'pushes-waiting' | 'event-loop-lag';

/** How often the lag is read; the histogram samples every RESOLUTION_MS in between. */
const WINDOW_MS = 1000;
const RESOLUTION_MS = 20;

/**
 * The door of `events:push` on one node. A node that has fallen behind (its event loop late, or
 * more pushes waiting on the database than it can answer before the offices give up and send them
 * again) answers new pushes `unavailable` at once instead of queuing them without bound: the
 * office keeps its outbox and comes back later, and the node's time goes to the pushes it already
 * took, to hellos and to pings, so links are not dropped for want of a pong.
 */
export function createPushDoor(limits: () => PushDoorLimits, options: { lagMs?: () => number } = {}) {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  let lastLagMs = 0;
  let timer: NodeJS.Timeout | undefined;
  if (!options.lagMs) {
    delay.enable();
    let due = performance.now() + WINDOW_MS;
    timer = setInterval(() => {
      // The histogram holds the time between its samples: the resolution plus the lag. A stall
      // that spans this tick shows as the tick's own lateness (its sample may land after the read).
      const sampled = delay.count > 0 ? delay.percentile(99) / 1e6 - RESOLUTION_MS : 0;
      const now = performance.now();
      lastLagMs = Math.max(0, sampled, now - due);
      due = now + WINDOW_MS;
      delay.reset();
    }, WINDOW_MS);
    timer.unref();
  }
  const lagMs = options.lagMs ?? (() => lastLagMs);
  let waiting = 0;

  return {
    /** Why a push arriving now must be refused, or undefined to take it. */
    refusal(): PushRefusal | undefined {
      const { maxPushesWaiting, maxEventLoopLagMs } = limits();
      if (waiting >= maxPushesWaiting) return 'pushes-waiting';
      if (lagMs() > maxEventLoopLagMs) return 'event-loop-lag';
      return undefined;
    },
    /** Runs a push taken through the door, counted as waiting until the store answers. */
    async take<T>(work: () => Promise<T>): Promise<T> {
      waiting += 1;
      try {
        return await work();
      } finally {
        waiting -= 1;
      }
    },
    waiting: () => waiting,
    /** The lag last read (ms). */
    lagMs,
    close() {
      if (timer) clearInterval(timer);
      delay.disable();
    },
  };
}

export type PushDoor = ReturnType<typeof createPushDoor>;
