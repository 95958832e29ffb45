import { blankReportCounts, byDayAndOffice, mergeReportCounts } from '../booking-row.js';
import type { CentralStore, ReportCounts } from '../central-store.js';
import { REPORT_DAY_COUNTS, REPORT_DAY_FIELDS, REPORT_READ_ATTEMPTS, splitReportRange, type ReportDayRead } from '../report-days.js';
import type { CentralDatabase } from './open-central-database.js';

/** The ticket half of the report for the tickets `where` picks (alias t); one text for the tickets path and the roll-up. */
const ticketCountsSql = (where: string) => `SELECT t.office_id AS officeId, t.office_day AS day, COUNT(*) AS tickets,
    SUM(t.status = 'done') AS served, SUM(t.status = 'no-show') AS noShows,
    SUM(t.first_called_at IS NOT NULL AND t.first_called_at - t.queued_at <= o.waiting_standard_ms) AS withinStandard,
    COALESCE(SUM(CASE WHEN t.first_called_at IS NOT NULL THEN MAX(0, t.first_called_at - t.queued_at) END), 0) AS waitMsTotal,
    SUM(t.first_called_at IS NOT NULL) AS waited,
    SUM(t.rating IS NOT NULL) AS ratings, COALESCE(SUM(t.rating >= 4), 0) AS satisfied
  FROM tickets t JOIN offices o ON o.id = t.office_id
  WHERE ${where}
  GROUP BY t.office_id, t.office_day`;

const bookingCountsSql = (where: string) => `SELECT office_id AS officeId, office_day AS day, COUNT(*) AS bookings,
    SUM(status IN ('arrived', 'late')) AS bookingsArrived,
    SUM(status IN ('arrived', 'late') OR (status IN ('booked', 'expired') AND slot_start < @now)) AS bookingsDue
  FROM bookings WHERE ${where} AND status <> 'cancelled'
  GROUP BY office_id, office_day`;

type ReportQueries = Pick<CentralStore, 'reportCounts' | 'rollUpReportDays'>;
type BookingCounts = Pick<ReportCounts, 'officeId' | 'day' | 'bookings' | 'bookingsArrived' | 'bookingsDue'>;

/**
 * The company report on SQLite: closed office days from report_days, counted once per office and
 * day; open days (and everything when `rolledUp` is false) from the tickets. Every write that can
 * change a day's counts deletes the day's row in its own transaction (central-event-projection.ts,
 * the store's bookings); one connection, one writer, so a count and its row are never split by a
 * write. The PostgreSQL store (../postgres/postgres-report-days.ts) has the same rules with locks.
 */
export function createSqliteReportDays(db: CentralDatabase): ReportQueries {
  const s = {
    ticketCounts: db.prepare(ticketCountsSql('t.office_day BETWEEN @from AND @to AND (@officeId IS NULL OR t.office_id = @officeId)')),
    bookingCounts: db.prepare(bookingCountsSql('office_day BETWEEN @from AND @to AND (@officeId IS NULL OR office_id = @officeId)')),
    officeTicketCounts: db.prepare(ticketCountsSql('t.office_id = @officeId AND t.office_day IN (SELECT value FROM json_each(@days))')),
    officeBookingCounts: db.prepare(bookingCountsSql('office_id = @officeId AND office_day IN (SELECT value FROM json_each(@days))')),
    standard: db.prepare(`SELECT waiting_standard_ms FROM offices WHERE id = ?`).pluck(),
    // As the PostgreSQL store's read (see there): rows that count anything, and office days with no row.
    read: db.prepare(`WITH days(day) AS (
        SELECT value FROM json_each(@days)
        WHERE value >= (SELECT MIN(d) FROM (SELECT MIN(office_day) AS d FROM tickets UNION ALL SELECT MIN(office_day) FROM bookings))
      ), universe(office_id, standard) AS (
        SELECT id, waiting_standard_ms FROM offices WHERE @officeId IS NULL OR id = @officeId
        UNION ALL
        SELECT DISTINCT b.office_id, NULL FROM bookings b
        WHERE b.office_day BETWEEN @from AND @to AND (@officeId IS NULL OR b.office_id = @officeId) AND NOT EXISTS (SELECT 1 FROM offices o WHERE o.id = b.office_id)
      )
      SELECT u.office_id AS officeId, d.day AS day, r.office_id IS NULL AS missing, ${REPORT_DAY_FIELDS}
      FROM universe u CROSS JOIN days d
      LEFT JOIN report_days r ON r.office_day = d.day AND r.office_id = u.office_id AND r.waiting_standard_ms IS u.standard
        AND r.office_day BETWEEN @from AND @to AND (@officeId IS NULL OR r.office_id = @officeId)
      WHERE r.office_id IS NULL OR r.tickets > 0 OR r.bookings > 0`),
    save: db.prepare(`INSERT INTO report_days (office_id, office_day, waiting_standard_ms, ${REPORT_DAY_COUNTS.map(([column]) => column).join(', ')}, counted_at)
      VALUES (?, ?, ?, ${REPORT_DAY_COUNTS.map(() => '?').join(', ')}, ?)
      ON CONFLICT (office_day, office_id) DO UPDATE SET waiting_standard_ms = excluded.waiting_standard_ms,
        ${REPORT_DAY_COUNTS.map(([column]) => `${column} = excluded.${column}`).join(', ')}, counted_at = excluded.counted_at`),
  };

  const fromTickets = (from: string, to: string, officeId: string | undefined, now: number) => {
    const params = { from, to, officeId: officeId ?? null, now };
    return mergeReportCounts(s.ticketCounts.all(params) as ReportCounts[], s.bookingCounts.all(params) as BookingCounts[]);
  };

  const read = (days: string[], officeId: string | undefined): ReportDayRead[] =>
    (s.read.all({ days: JSON.stringify(days), from: days[0], to: days.at(-1), officeId: officeId ?? null }) as (ReportCounts & { missing: number })[]).map((row) =>
      row.missing ? { officeId: row.officeId, day: row.day, missing: true } : { ...row, missing: false });

  /** Counts the office days `missing` names and keeps them, zeros included; answers how many. */
  const countMissing = (missing: readonly { officeId: string; day: string }[], now: number) => {
    const byOffice = new Map<string, string[]>();
    for (const { officeId, day } of missing) byOffice.set(officeId, [...(byOffice.get(officeId) ?? []), day]);
    for (const [officeId, days] of byOffice) {
      const params = { officeId, days: JSON.stringify(days), now };
      const counted = new Map(
        mergeReportCounts(s.officeTicketCounts.all(params) as ReportCounts[], s.officeBookingCounts.all(params) as BookingCounts[]).map((row) => [row.day, row]),
      );
      const standard = (s.standard.get(officeId) as number | undefined) ?? null;
      for (const day of days) {
        const row = counted.get(day) ?? blankReportCounts(officeId, day);
        s.save.run(officeId, day, standard, ...REPORT_DAY_COUNTS.map(([, field]) => row[field]), now);
      }
    }
    return missing.length;
  };

  const closedDays = db.transaction((days: string[], officeId: string | undefined, now: number): ReportCounts[] => {
    for (let attempt = 1; ; attempt++) {
      const rows = read(days, officeId);
      const missing = rows.filter((r) => r.missing);
      if (missing.length === 0) return rows.map(({ missing: _, ...counts }) => counts as ReportCounts);
      if (attempt === REPORT_READ_ATTEMPTS) return fromTickets(days[0]!, days.at(-1)!, officeId, now);
      countMissing(missing, now);
    }
  });

  const rollUp = db.transaction((days: string[], now: number) => countMissing(read(days, undefined).filter((r) => r.missing), now));

  return {
    async reportCounts({ from, to, officeId, now, rolledUp = true }) {
      if (!rolledUp) return fromTickets(from, to, officeId, now);
      const { closed, open } = splitReportRange(from, to, now);
      const rows = closed.length > 0 ? closedDays(closed, officeId, now) : [];
      if (open) rows.push(...fromTickets(open.from, open.to, officeId, now));
      return rows.sort(byDayAndOffice);
    },
    async rollUpReportDays({ from, to, now }) {
      const { closed } = splitReportRange(from, to, now);
      return closed.length > 0 ? rollUp(closed, now) : 0;
    },
  };
}
