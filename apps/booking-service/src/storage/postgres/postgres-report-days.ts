import type pg from 'pg';
import { blankReportCounts, byDayAndOffice, mergeReportCounts } from '../booking-row.js';
import type { CentralStore, ReportCounts } from '../central-store.js';
import { REPORT_DAY_COUNTS, REPORT_DAY_FIELDS, REPORT_READ_ATTEMPTS, splitReportRange, type ReportDayRead } from '../report-days.js';
import { inTransaction } from './in-transaction.js';

/** The ticket half of the report for the tickets `where` picks (alias t); one text for the tickets path and the roll-up. */
const ticketCountsSql = (where: string) => `SELECT t.office_id AS "officeId", t.office_day AS day, COUNT(*) AS tickets,
    COUNT(*) FILTER (WHERE t.status = 'done') AS served, COUNT(*) FILTER (WHERE t.status = 'no-show') AS "noShows",
    COUNT(*) FILTER (WHERE t.first_called_at - t.queued_at <= o.waiting_standard_ms) AS "withinStandard",
    COALESCE(SUM(GREATEST(0, t.first_called_at - t.queued_at)), 0) AS "waitMsTotal",
    COUNT(t.first_called_at) AS waited, COUNT(t.rating) AS ratings, COUNT(*) FILTER (WHERE t.rating >= 4) AS satisfied
  FROM tickets t JOIN offices o ON o.id = t.office_id
  WHERE ${where}
  GROUP BY t.office_id, t.office_day`;

/** The booking half for the bookings `where` picks; `now` is the parameter holding the instant. */
const bookingCountsSql = (where: string, now: string) => `SELECT office_id AS "officeId", office_day AS day, COUNT(*) AS bookings,
    COUNT(*) FILTER (WHERE status IN ('arrived', 'late')) AS "bookingsArrived",
    COUNT(*) FILTER (WHERE status IN ('arrived', 'late') OR (status IN ('booked', 'expired') AND slot_start < ${now})) AS "bookingsDue"
  FROM bookings WHERE ${where} AND status <> 'cancelled'
  GROUP BY office_id, office_day`;

type ReportQueries = Pick<CentralStore, 'reportCounts' | 'rollUpReportDays'>;

/**
 * What ingested events wrote, for the drop of their days' roll-up: office days, and tickets whose
 * day the drop looks up (so an update of a ticket needs no RETURNING: that cost ~7% of ingest).
 */
export class ReportWrites {
  private readonly days = new Map<string, [string, string]>();
  private readonly tickets = new Map<string, [string, string]>();
  day(officeId: string, day: string): void {
    this.days.set(`${officeId}\u0000${day}`, [officeId, day]);
  }
  ticket(officeId: string, ticketId: string): void {
    this.tickets.set(`${officeId}\u0000${ticketId}`, [officeId, ticketId]);
  }
  /** Drops the roll-up of every day written, in the writers' transaction (under their offices' office_seq locks), before it commits. */
  async drop(c: pg.PoolClient): Promise<void> {
    if (this.days.size + this.tickets.size === 0) return;
    const days = [...this.days.values()];
    const tickets = [...this.tickets.values()];
    // Named, so each connection plans it once: planned for every push it cost ~10% of one-event pushes.
    await c.query({
      name: 'drop-report-days',
      text: `DELETE FROM report_days r USING (
          SELECT o AS office_id, d AS office_day FROM UNNEST($1::text[], $2::text[]) AS w(o, d)
          UNION SELECT t.office_id, t.office_day FROM UNNEST($3::text[], $4::text[]) AS w(o, i) JOIN tickets t ON t.office_id = w.o AND t.id = w.i
        ) w WHERE r.office_id = w.office_id AND r.office_day = w.office_day`,
      values: [days.map(([o]) => o), days.map(([, d]) => d), tickets.map(([o]) => o), tickets.map(([, t]) => t)],
    });
  }
}

/**
 * The company report on PostgreSQL: closed office days from report_days, counted once per office
 * and day; open days (and everything when `rolledUp` is false) from the tickets.
 *
 * A row must never outlive a change to what it counts. Every write that can change a day's counts
 * deletes the day's row in its own transaction: the ingest (the days its events wrote, collected by
 * central-event-projection.ts and office-ingest.ts, dropped by ReportWrites) under the office's office_seq lock,
 * central's bookings under the office's booking_versions lock. A roll-up takes both locks for its
 * office before it counts, and keeps them until its rows are committed: no event or booking of
 * that office commits between the count and the row, and every one after finds the row and
 * deletes it. One office per transaction,
 * so an office's ingest waits at most for its own count (a year: ~100,000 tickets, ~0.1 s).
 */
export function createPostgresReportDays(pool: pg.Pool): ReportQueries {
  const fromTickets = async (from: string, to: string, officeId: string | undefined, now: number) => {
    const one = officeId !== undefined;
    const params: unknown[] = one ? [from, to, officeId] : [from, to];
    const tickets = await pool.query(ticketCountsSql(`t.office_day BETWEEN $1 AND $2 ${one ? 'AND t.office_id = $3' : ''}`), params);
    const bookings = await pool.query(bookingCountsSql(`office_day BETWEEN $1 AND $2 ${one ? 'AND office_id = $3' : ''}`, `$${params.length + 1}`), [...params, now]);
    return mergeReportCounts(tickets.rows as ReportCounts[], bookings.rows as ReportCounts[]);
  };

  /**
   * Every office's (or one office's) rows of `days` that count anything, and the office days with
   * no row, in one snapshot. The offices are those central has a summary of, and those it has
   * bookings of without one (their bookings are in the report; their tickets are not, as the
   * tickets path joins the office's waiting standard). A row counted under another waiting standard
   * than the office's now is no row. Days before the first ticket or booking central holds have
   * nothing to count and need no row.
   */
  const read = async (days: string[], officeId: string | undefined): Promise<ReportDayRead[]> => {
    const one = officeId !== undefined;
    const r = await pool.query(`WITH days AS (
        SELECT d.day FROM UNNEST($1::text[]) AS d(day)
        WHERE d.day >= (SELECT LEAST((SELECT MIN(office_day) FROM tickets), (SELECT MIN(office_day) FROM bookings)))
      ), universe AS (
        SELECT id AS office_id, waiting_standard_ms AS standard FROM offices ${one ? 'WHERE id = $4' : ''}
        UNION ALL
        SELECT DISTINCT b.office_id, NULL::bigint FROM bookings b
        WHERE b.office_day BETWEEN $2 AND $3 ${one ? 'AND b.office_id = $4' : ''} AND NOT EXISTS (SELECT 1 FROM offices o WHERE o.id = b.office_id)
      )
      SELECT u.office_id AS "officeId", d.day, r.office_id IS NULL AS missing, ${REPORT_DAY_FIELDS}
      FROM universe u CROSS JOIN days d
      LEFT JOIN report_days r ON r.office_day = d.day AND r.office_id = u.office_id AND r.waiting_standard_ms IS NOT DISTINCT FROM u.standard
        -- The range (and office) again, on report_days alone: the planner then reads that range by
        -- index, where with the unnested days only it hashed the whole table (168 ms at a year of rows).
        AND r.office_day BETWEEN $2 AND $3 ${one ? 'AND r.office_id = $4' : ''}
      WHERE r.office_id IS NULL OR r.tickets > 0 OR r.bookings > 0`, [days, days[0], days.at(-1), ...(one ? [officeId] : [])]);
    return (r.rows as (ReportCounts & { missing: boolean })[]).map((row) =>
      row.missing ? { officeId: row.officeId, day: row.day, missing: true } : { ...row, missing: false });
  };

  /** Counts one office's `days` and keeps them, zeros included, under the office's two locks (above). */
  const countOffice = (officeId: string, days: string[], now: number) =>
    inTransaction(pool, async (c) => {
      // The row locks the ingest and central's bookings take first, in the same order. office_seq is
      // made if need be (as the office's first ingest would make it: an office off-line for days
      // sends its closed days in its first batch). booking_versions is locked only if it exists: an
      // office without it has no booking, and its first can only come by the ingest (locked above)
      // or be made on-line for a slot still to come, never on a closed day. (A row made here would
      // show in bookingsVersions as an office with bookings.)
      await c.query(`INSERT INTO office_seq (office_id, last_seq) VALUES ($1, 0) ON CONFLICT (office_id) DO UPDATE SET last_seq = office_seq.last_seq`, [officeId]);
      await c.query(`SELECT 1 FROM booking_versions WHERE office_id = $1 FOR SHARE`, [officeId]);
      // A summary saved meanwhile (a new waiting standard) waits for this row to be kept, and the
      // read after it finds the row counted under the old standard and counts it again.
      const office = (await c.query(`SELECT waiting_standard_ms AS standard FROM offices WHERE id = $1 FOR SHARE`, [officeId])).rows[0] as { standard: number } | undefined;
      const tickets = await c.query(ticketCountsSql('t.office_id = $1 AND t.office_day = ANY($2::text[])'), [officeId, days]);
      const bookings = await c.query(bookingCountsSql('office_id = $1 AND office_day = ANY($2::text[])', '$3'), [officeId, days, now]);
      const counted = new Map(mergeReportCounts(tickets.rows as ReportCounts[], bookings.rows as ReportCounts[]).map((row) => [row.day, row]));
      const rows = days.map((day) => counted.get(day) ?? blankReportCounts(officeId, day));
      await c.query(`INSERT INTO report_days (office_id, office_day, waiting_standard_ms, ${REPORT_DAY_COUNTS.map(([column]) => column).join(', ')}, counted_at)
        SELECT $1, d.day, $2, ${REPORT_DAY_COUNTS.map(([, field]) => `d."${field}"`).join(', ')}, $4
        FROM json_to_recordset($3::json) AS d(day text, ${REPORT_DAY_COUNTS.map(([, field]) => `"${field}" bigint`).join(', ')})
        ON CONFLICT (office_day, office_id) DO UPDATE SET waiting_standard_ms = excluded.waiting_standard_ms,
          ${REPORT_DAY_COUNTS.map(([column]) => `${column} = excluded.${column}`).join(', ')}, counted_at = excluded.counted_at`,
        [officeId, office?.standard ?? null, JSON.stringify(rows), now]);
    });

  /**
   * Counts the office days `missing` names, office by office, on up to half the pool's connections
   * at once (a count is mostly round trips; the other half stays free for requests); answers how many.
   */
  const countMissing = async (missing: readonly { officeId: string; day: string }[], now: number) => {
    const byOffice = new Map<string, string[]>();
    for (const { officeId, day } of missing) byOffice.set(officeId, [...(byOffice.get(officeId) ?? []), day]);
    const queue = [...byOffice];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await countOffice(next[0], next[1], now);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.floor((pool.options.max ?? 2) / 2)) }, worker));
    return missing.length;
  };

  /** Closed days from the roll-up, counting those missing first; see REPORT_READ_ATTEMPTS. */
  const closedDays = async (days: string[], officeId: string | undefined, now: number): Promise<ReportCounts[]> => {
    for (let attempt = 1; ; attempt++) {
      const rows = await read(days, officeId);
      const missing = rows.filter((r) => r.missing);
      if (missing.length === 0) return rows.map(({ missing: _, ...counts }) => counts as ReportCounts);
      // Late events dropping rows faster than they are counted: this once, the tickets answer.
      if (attempt === REPORT_READ_ATTEMPTS) return fromTickets(days[0]!, days.at(-1)!, officeId, now);
      await countMissing(missing, now);
    }
  };

  return {
    async reportCounts({ from, to, officeId, now, rolledUp = true }) {
      if (!rolledUp) return fromTickets(from, to, officeId, now);
      const { closed, open } = splitReportRange(from, to, now);
      const rows = closed.length > 0 ? await closedDays(closed, officeId, now) : [];
      if (open) rows.push(...(await fromTickets(open.from, open.to, officeId, now)));
      return rows.sort(byDayAndOffice);
    },
    async rollUpReportDays({ from, to, now }) {
      const { closed } = splitReportRange(from, to, now);
      if (closed.length === 0) return 0;
      return countMissing((await read(closed, undefined)).filter((r) => r.missing), now);
    },
  };
}
