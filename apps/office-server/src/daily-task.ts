import type { Logger } from './logger.js';

export const DAY_MS = 24 * 60 * 60_000;

/**
 * Housekeeping that runs now (at start-up) and then once a day until stopped. A failure is
 * logged and tried again the next day: a busy or failing disk must not stop the office.
 */
export function startDailyTask(task: () => void, logger: Logger, failure: string, everyMs = DAY_MS): { stop(): void } {
  const run = () => {
    try {
      task();
    } catch (error) {
      logger.warn({ err: error }, failure);
    }
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
