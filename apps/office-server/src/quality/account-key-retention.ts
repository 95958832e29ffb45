import type { Clock } from '../clock.js';
import { DAY_MS, startDailyTask } from '../daily-task.js';
import type { Logger } from '../logger.js';
import type { QualityStore } from './quality-store.js';

/** Account keys are kept for the repeat window only: cleared at start and daily after that. */
export function startAccountKeyRetention(store: QualityStore, clock: Clock, windowDays: () => number, logger: Logger): { stop(): void } {
  return startDailyTask(
    () => {
      // A day more than the window: a repeat on the window's last day still finds its first visit.
      const cleared = store.clearAccountKeysBefore(clock.now() - (windowDays() + 1) * DAY_MS);
      if (cleared > 0) logger.info({ cleared, repeatWindowDays: windowDays() }, 'account keys past the repeat window forgotten');
    },
    logger,
    'clearing old account keys failed; will retry tomorrow',
  );
}
