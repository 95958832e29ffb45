import { addDays, qualityVisitOfRow, type FollowUpMark, type QualityDayCounts, type QualityVisit, type QualityVisitRow } from '@talon/domain';
import type { OfficeDatabase } from '../storage/open-database.js';

/** The quality read model: visits from the tickets table, the head's follow-up marks. */
export function createQualityStore(db: OfficeDatabase) {
  const s = {
    visits: db.prepare(`SELECT id AS ticketId, number AS ticketNumber, office_day AS officeDay, first_service_id AS firstServiceId, service_id AS serviceId,
        issued_at AS issuedAt, first_called_at AS calledAt, desk_id AS deskId, operator_id AS operatorId, ended_at AS endedAt,
        status, outcome_id AS outcomeId, transfers, rating, rated_at AS ratedAt, kind, account_key AS accountKey
      FROM tickets WHERE office_day >= ? AND office_day <= ?`),
    lowRated: db.prepare(`SELECT id AS ticketId, number AS ticketNumber, office_day AS officeDay, first_service_id AS firstServiceId, service_id AS serviceId,
        issued_at AS issuedAt, first_called_at AS calledAt, desk_id AS deskId, operator_id AS operatorId, ended_at AS endedAt,
        status, outcome_id AS outcomeId, transfers, rating, rated_at AS ratedAt, kind, NULL AS accountKey
      FROM tickets WHERE office_day >= ? AND office_day <= ? AND rating <= 2`),
    days: db.prepare(`SELECT office_day AS officeDay, counts FROM quality_days WHERE office_day >= ? AND office_day <= ?`),
    saveDay: db.prepare(`INSERT INTO quality_days (office_day, counts, counted_at) VALUES (?, ?, ?)
      ON CONFLICT (office_day) DO UPDATE SET counts = excluded.counts, counted_at = excluded.counted_at`),
    marks: db.prepare(`SELECT f.ticket_id AS ticketId, f.done_at AS doneAt, f.done_by AS doneBy, f.note
      FROM quality_follow_ups f JOIN tickets t ON t.id = f.ticket_id WHERE t.office_day >= ? AND t.office_day <= ?`),
    ticketRating: db.prepare(`SELECT rating FROM tickets WHERE id = ?`),
    mark: db.prepare(`INSERT INTO quality_follow_ups (ticket_id, done_at, done_by, note) VALUES (?, ?, ?, ?)
      ON CONFLICT (ticket_id) DO UPDATE SET done_at = excluded.done_at, done_by = excluded.done_by, note = excluded.note`),
    latestCounted: db.prepare(`SELECT MAX(office_day) FROM quality_days`).pluck(),
    earliestTicket: db.prepare(`SELECT MIN(office_day) FROM tickets`).pluck(),
    clearKeys: db.prepare(`UPDATE tickets SET account_key = NULL WHERE account_key IS NOT NULL AND issued_at < ?`),
  };
  return {
    /** Visits of the office days from..to, both included. */
    visits(from: string, to: string): QualityVisit[] {
      return (s.visits.all(from, to) as QualityVisitRow[]).map(qualityVisitOfRow);
    },
    /** Visits rated 1–2 (the follow-up list), by the low-ratings index. */
    lowRated(from: string, to: string): QualityVisit[] {
      return (s.lowRated.all(from, to) as QualityVisitRow[]).map(qualityVisitOfRow);
    },
    /** The counted closed days from..to. */
    countedDays(from: string, to: string): Map<string, QualityDayCounts> {
      const rows = s.days.all(from, to) as { officeDay: string; counts: string }[];
      return new Map(rows.map((r) => [r.officeDay, JSON.parse(r.counts) as QualityDayCounts]));
    },
    saveDays(days: Iterable<QualityDayCounts>, at: number): void {
      db.transaction(() => {
        for (const d of days) s.saveDay.run(d.officeDay, JSON.stringify(d), at);
      })();
    },
    marks(from: string, to: string): Map<string, FollowUpMark> {
      const rows = s.marks.all(from, to) as ({ ticketId: string } & FollowUpMark)[];
      return new Map(rows.map(({ ticketId, ...mark }) => [ticketId, mark]));
    },
    /** Marks a low rating's call-back done; false when the ticket has no rating of 1–2. */
    markDone(ticketId: string, mark: FollowUpMark): boolean {
      const row = s.ticketRating.get(ticketId) as { rating: number | null } | undefined;
      if (!row || row.rating === null || row.rating > 2) return false;
      s.mark.run(ticketId, mark.doneAt, mark.doneBy, mark.note);
      return true;
    },
    /** The first office day not yet counted: the day after the last counted, or the first with tickets. */
    firstUncountedDay(): string | undefined {
      const latest = s.latestCounted.get() as string | null;
      if (latest) return addDays(latest, 1);
      return (s.earliestTicket.get() as string | null) ?? undefined;
    },
    /** Forgets the account keys of visits older than the repeat window; returns how many. */
    clearAccountKeysBefore(before: number): number {
      return s.clearKeys.run(before).changes;
    },
  };
}

export type QualityStore = ReturnType<typeof createQualityStore>;
