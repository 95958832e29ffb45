import type { SyncedPageOpen, SyncedQuestionnaireAnswer } from '@talon/protocol';
import { addDays, qualityVisitOfRow, type FollowUpMark, type QualityDayCounts, type QualityVisit, type QualityVisitRow, type QuestionnaireAnswer } from '@talon/domain';
import type { OfficeDatabase } from '../storage/open-database.js';

/** The quality read model: visits from the tickets table, the head's follow-up marks. */
export function createQualityStore(db: OfficeDatabase) {
  const s = {
    visits: db.prepare(`SELECT id AS ticketId, number AS ticketNumber, office_day AS officeDay, first_service_id AS firstServiceId, service_id AS serviceId,
        issued_at AS issuedAt, first_called_at AS calledAt, desk_id AS deskId, operator_id AS operatorId, ended_at AS endedAt,
        status, outcome_id AS outcomeId, transfers, rating, rated_at AS ratedAt, kind, account_key AS accountKey,
        EXISTS (SELECT 1 FROM ticket_page_opens p WHERE p.ticket_id = tickets.id) AS phonePageOpened
      FROM tickets WHERE office_day >= ? AND office_day <= ?`),
    answers: db.prepare(`SELECT ticket_id AS ticketId, solved, ease, answered_at AS answeredAt FROM questionnaire_answers WHERE office_day >= ? AND office_day <= ?`),
    answerTicket: db.prepare(`SELECT t.office_day AS officeDay, t.status, a.ticket_id IS NOT NULL AS answered
      FROM tickets t LEFT JOIN questionnaire_answers a ON a.ticket_id = t.id WHERE t.id = ?`),
    insertAnswer: db.prepare(`INSERT INTO questionnaire_answers (ticket_id, office_day, solved, ease, answered_at, source, synced) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (ticket_id) DO NOTHING`),
    openSeen: db.prepare(`SELECT 1 FROM ticket_page_opens WHERE ticket_id = ?`),
    insertOpen: db.prepare(`INSERT INTO ticket_page_opens (ticket_id, office_day, opened_at, synced) SELECT id, office_day, ?, ? FROM tickets WHERE id = ?
      ON CONFLICT (ticket_id) DO NOTHING RETURNING office_day AS officeDay`),
    unsyncedAnswers: db.prepare(`SELECT ticket_id AS ticketId, office_day AS officeDay, solved, ease, answered_at AS answeredAt FROM questionnaire_answers
      WHERE synced = 0 ORDER BY answered_at LIMIT ?`),
    unsyncedOpens: db.prepare(`SELECT ticket_id AS ticketId, office_day AS officeDay, opened_at AS openedAt FROM ticket_page_opens WHERE synced = 0 ORDER BY opened_at LIMIT ?`),
    answerSynced: db.prepare(`UPDATE questionnaire_answers SET synced = 1 WHERE ticket_id = ?`),
    openSynced: db.prepare(`UPDATE ticket_page_opens SET synced = 1 WHERE ticket_id = ?`),
    dropDay: db.prepare(`DELETE FROM quality_days WHERE office_day = ?`),
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
    /** The questionnaire's answers for visits of the office days from..to (given here or on central's phone page). */
    answers(from: string, to: string): QuestionnaireAnswer[] {
      const rows = s.answers.all(from, to) as AnswerRow[];
      return rows.map((r) => ({ ticketId: r.ticketId, answeredAt: r.answeredAt, ...answerOfRow(r) }));
    },
    /** The ticket as the questionnaire sees it; undefined for a ticket the office does not hold. */
    questionnaireTicket(ticketId: string): { officeDay: string; status: string; answered: boolean } | undefined {
      const row = s.answerTicket.get(ticketId) as { officeDay: string; status: string; answered: number } | undefined;
      return row && { officeDay: row.officeDay, status: row.status, answered: row.answered === 1 };
    },
    /**
     * Keeps a ticket's one answer: true for the first, false when it has one already. A first
     * answer drops its day's stored counts in the same transaction, so a closed day is counted again.
     */
    saveAnswer(answer: QuestionnaireAnswer & { officeDay: string; source: 'office' | 'central' }): boolean {
      return db.transaction(() => {
        const kept = s.insertAnswer.run(answer.ticketId, answer.officeDay, answer.solved === undefined ? null : Number(answer.solved), answer.ease ?? null, answer.answeredAt, answer.source, answer.source === 'central' ? 1 : 0).changes === 1;
        if (kept) s.dropDay.run(answer.officeDay);
        return kept;
      })();
    },
    /**
     * The ticket's page was opened (here, or central's phone page): remembered the first time (the
     * questionnaire's reach), its day's counts dropped. Nothing for a ticket the office does not hold.
     */
    pageOpened(ticketId: string, at: number, source: 'office' | 'central' = 'office'): void {
      // The ticket's page reloads itself every 20 s: once its first opening is kept, a read answers.
      if (s.openSeen.get(ticketId)) return;
      db.transaction(() => {
        const opened = s.insertOpen.get(at, source === 'central' ? 1 : 0, ticketId) as { officeDay: string } | undefined;
        if (opened) s.dropDay.run(opened.officeDay);
      })();
    },
    /** The office's own answers and page openings central has not acknowledged yet, oldest first. */
    unsynced(limit: number): { answers: SyncedQuestionnaireAnswer[]; pageOpens: SyncedPageOpen[] } {
      const answers = s.unsyncedAnswers.all(limit) as (AnswerRow & { officeDay: string })[];
      return {
        answers: answers.map((r) => ({ ticketId: r.ticketId, officeDay: r.officeDay, answeredAt: r.answeredAt, ...answerOfRow(r) })),
        pageOpens: s.unsyncedOpens.all(limit) as SyncedPageOpen[],
      };
    },
    /** Central holds these now: they are not sent again. */
    markSynced(answerTicketIds: readonly string[], openTicketIds: readonly string[]): void {
      db.transaction(() => {
        for (const id of answerTicketIds) s.answerSynced.run(id);
        for (const id of openTicketIds) s.openSynced.run(id);
      })();
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

interface AnswerRow {
  ticketId: string;
  solved: number | null;
  ease: number | null;
  answeredAt: number;
}

/** A stored answer's two questions, each only when the visitor answered it. */
function answerOfRow(r: AnswerRow): { solved?: boolean; ease?: number } {
  return { ...(r.solved !== null && { solved: r.solved === 1 }), ...(r.ease !== null && { ease: r.ease }) };
}
