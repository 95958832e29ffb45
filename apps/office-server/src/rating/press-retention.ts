import type { Clock } from '../clock.js';
import { DAY_MS, startDailyTask } from '../daily-task.js';
import type { Logger } from '../logger.js';
import type { RatingPresses } from './rating-presses.js';

/**
 * How long the press log keeps a press. The ratings themselves live on in the event log and
 * centrally; the press log is only the audit trail of the buttons (a disputed rating, a button
 * that misfires) and the memory of repeats, which needs minutes. A quarter covers a head's
 * quarterly review of complaints. A constant, not a config rule: nobody tunes it per office,
 * and the rules section is the queue's, shared with the engine.
 */
export const PRESS_RETENTION_MS = 90 * DAY_MS;

/** Once a day is plenty: a day's presses are a few hundred rows. */
export const PRESS_PRUNING_INTERVAL_MS = DAY_MS;

/** Forgets presses past the retention now (at start-up) and then once a day, until stopped. */
export function startPressRetention(presses: Pick<RatingPresses, 'forgetBefore'>, clock: Clock, logger: Logger): { stop(): void } {
  return startDailyTask(
    () => {
      const forgotten = presses.forgetBefore(clock.now() - PRESS_RETENTION_MS);
      if (forgotten > 0) logger.info({ forgotten, retentionDays: PRESS_RETENTION_MS / DAY_MS }, 'old rating presses forgotten');
    },
    logger,
    'could not forget old rating presses',
    PRESS_PRUNING_INTERVAL_MS,
  );
}
