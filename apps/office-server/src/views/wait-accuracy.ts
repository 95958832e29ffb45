import type { WaitAccuracy } from '@talon/protocol';
import type { OfficeDatabase } from '../storage/open-database.js';

/**
 * What each visitor was told at the kiosk (`wait_told`) against the wait from issue to first call,
 * for the office days from `fromDay` to `toDay` (ISO dates compare as text). Tickets not yet called
 * are not counted: their wait is not known.
 */
export function createWaitAccuracyReader(db: OfficeDatabase) {
  const summary = db.prepare(`
    SELECT COUNT(*) AS counted,
      AVG(ABS(w.told_min - (t.first_called_at - t.issued_at) / 60000.0)) AS meanAbs,
      AVG(w.told_min - (t.first_called_at - t.issued_at) / 60000.0) AS bias,
      AVG(CASE WHEN (t.first_called_at - t.issued_at) / 60000.0 BETWEEN w.range_from_min AND w.range_to_min THEN 1.0 ELSE 0.0 END) AS inside
    FROM wait_told w JOIN tickets t ON t.id = w.ticket_id
    WHERE w.office_day BETWEEN ? AND ? AND t.first_called_at IS NOT NULL`);
  return (fromDay: string, toDay: string): WaitAccuracy => {
    const row = summary.get(fromDay, toDay) as { counted: number; meanAbs: number | null; bias: number | null; inside: number | null };
    const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
    return { counted: row.counted, meanAbsErrorMin: round1(row.meanAbs), biasMin: round1(row.bias), insideRangeShare: row.inside };
  };
}
