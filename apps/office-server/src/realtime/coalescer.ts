/**
 * Runs `work` soon after it is asked for, at most once per `minIntervalMs`: a burst of queue
 * changes becomes one state push per screen, not one per change.
 */
export function createCoalescer(work: () => void, minIntervalMs: number, now: () => number = Date.now) {
  let timer: NodeJS.Timeout | undefined;
  let lastRun = Number.NEGATIVE_INFINITY;
  const run = () => {
    timer = undefined;
    lastRun = now();
    work();
  };
  return {
    request(): void {
      if (timer) return;
      const wait = Math.max(0, lastRun + minIntervalMs - now());
      timer = setTimeout(run, wait);
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
