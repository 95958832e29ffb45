import { officeDayOf, type QueueState } from '@talon/domain';
import type { OperatorDayCounts } from '@talon/protocol';
import type { OfficeDatabase } from '../storage/open-database.js';

/**
 * The operator's own tally for today, read from the tickets table: the visitors they finished and
 * the ones who never came to their desk. Shown on the console so an operator sees their own day.
 */
export function createOperatorDayCounts(db: OfficeDatabase) {
  const counts = db.prepare(`SELECT status, COUNT(*) AS n FROM tickets
    WHERE office_day = ? AND operator_id = ? AND status IN ('done', 'no-show') GROUP BY status`);
  return function operatorDayCounts(state: QueueState, operatorId: string, now: number): OperatorDayCounts {
    const rows = counts.all(officeDayOf(state.setup.schedule, now), operatorId) as { status: string; n: number }[];
    const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
    return { served: of('done'), noShow: of('no-show') };
  };
}
