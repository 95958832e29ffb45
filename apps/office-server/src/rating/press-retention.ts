import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { RatingPresses } from './rating-presses.js';

const DAY_MS = 24 * 60 * 60_000;

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
  const prune = () => {
    try {
      const forgotten = presses.forgetBefore(clock.now() - PRESS_RETENTION_MS);
      if (forgotten > 0) logger.info({ forgotten, retentionDays: PRESS_RETENTION_MS / DAY_MS }, 'old rating presses forgotten');
    } catch (error) {
      // A busy or failing disk must not stop the server; the next day tries again.
      logger.warn({ err: error }, 'could not forget old rating presses');
    }
  };
  prune();
  const timer = setInterval(prune, PRESS_PRUNING_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
