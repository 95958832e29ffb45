import { addDays } from '@talon/domain';
import type { Logger } from '../logger.js';
import { lastClosedReportDay } from '../storage/report-days.js';
import type { CentralStore } from '../storage/central-store.js';

/** Closed days counted ahead of the reports: a week, so a node down over a long weekend catches up. */
export const ROLL_UP_AHEAD_DAYS = 7;

/**
 * Counts the report roll-up of the last week's closed office days, every office, ahead of any
 * report: run by the central's hourly pass (and at start). The roll-up is made at two moments, on
 * purpose:
 * - at report time, by the store, for any closed day the report lacks. That is what makes the
 *   report right whatever else ran: a day a late event dropped, a day older than this week, the
 *   months before this release, a night every node was down. A timer alone could not promise that.
 * - here, at the edge, because the first report of a month would otherwise pay for counting it:
 *   ~2.5 million tickets at 300 offices, seconds (bench/central-reports), where a day that has
 *   just closed costs its one day. Not at ingest: a day closes two days after it starts
 *   (report-days.ts), and its events keep arriving until then.
 * Answers how many office days were counted; a failure is logged, not thrown: the reports count
 * what they lack themselves.
 */
export async function rollUpRecentReportDays(store: CentralStore, now: number, logger: Logger): Promise<number> {
  const to = lastClosedReportDay(now);
  try {
    const counted = await store.rollUpReportDays({ from: addDays(to, -(ROLL_UP_AHEAD_DAYS - 1)), to, now });
    if (counted > 0) logger.info({ officeDays: counted }, 'closed office days counted for the reports');
    return counted;
  } catch (error) {
    logger.error({ err: error }, 'counting closed office days for the reports failed');
    return 0;
  }
}
