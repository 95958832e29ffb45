import type { Clock } from '../clock.js';
import { DAY_MS, startDailyTask } from '../daily-task.js';
import type { Logger } from '../logger.js';
import type { QualityStore } from './quality-store.js';

/**
 * Account keys are kept for the repeat window only: cleared at start and daily after that. The
 * closed days are counted first (`countClosedDays`), so their repeats are judged while the keys
 * of the window before them are still there, and the counts keep them after the keys are gone.
 */
export function startAccountKeyRetention(
  store: QualityStore,
  clock: Clock,
  windowDays: () => number,
  countClosedDays: () => void,
  logger: Logger,
): { stop(): void } {
  return startDailyTask(
    () => {
      countClosedDays();
      // A day more than the window: a repeat on the window's last day still finds its first visit.
      const cleared = store.clearAccountKeysBefore(clock.now() - (windowDays() + 1) * DAY_MS);
      if (cleared > 0) logger.info({ cleared, repeatWindowDays: windowDays() }, 'account keys past the repeat window forgotten');
    },
    logger,
    'counting closed days or clearing old account keys failed; will retry tomorrow',
  );
}
