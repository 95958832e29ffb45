import type { QuestionnaireAnswer } from '@talon/domain';
import type { SyncedQuestionnaireAnswer } from '@talon/protocol';

/**
 * One visitor's post-visit answers as central keeps them: the ticket, what the quality views split
 * by, the two answers; nothing that names the visitor.
 */
export interface StoredQuestionnaireAnswer {
  officeId: string;
  ticketId: string;
  officeDay: string;
  /** The service that finished the visit. */
  serviceId: string;
  operatorId: string | null;
  solved: boolean | null;
  ease: number | null;
  answeredAt: number;
}

/** What the questionnaire needs to know of a ticket central holds. */
export interface QuestionnaireTicket {
  /** The ticket's status at central: only `done` (served) is asked. */
  status: string;
  officeDay: string;
  serviceId: string;
  operatorId: string | null;
  answered: boolean;
}

/** The same in both stores; the ticket is joined for its state, the answer for whether there is one. */
export const QUESTIONNAIRE_TICKET_SQL = (param: (n: number) => string) => `SELECT t.status, t.office_day AS "officeDay", t.service_id AS "serviceId",
  t.operator_id AS "operatorId", (a.ticket_id IS NOT NULL) AS answered
  FROM tickets t LEFT JOIN questionnaire_answers a ON a.office_id = t.office_id AND a.ticket_id = t.id
  WHERE t.office_id = ${param(1)} AND t.id = ${param(2)}`;

export const QUESTIONNAIRE_ANSWER_SQL = (param: (n: number) => string) => `SELECT ticket_id AS "ticketId", solved, ease, answered_at AS "answeredAt"
  FROM questionnaire_answers WHERE office_id = ${param(1)} AND office_day >= ${param(2)} AND office_day <= ${param(3)}`;

/** Rows come back with 0/1 and numbers as strings from some drivers; the answer drops what was skipped. */
export function questionnaireAnswerOfRow(row: { ticketId: string; solved: number | string | null; ease: number | string | null; answeredAt: number | string }): QuestionnaireAnswer {
  return {
    ticketId: row.ticketId,
    answeredAt: Number(row.answeredAt),
    ...(row.solved !== null && { solved: Number(row.solved) === 1 }),
    ...(row.ease !== null && { ease: Number(row.ease) }),
  };
}

export const questionnaireTicketOfRow = (row: QuestionnaireTicket & { answered: boolean | number }): QuestionnaireTicket => ({ ...row, answered: Boolean(row.answered) });

/** An office's answers and page openings since a moment, oldest first (`questionnaire:sync` down), the same in both stores. */
export const QUESTIONNAIRE_ANSWERS_SINCE_SQL = (param: (n: number) => string) => `SELECT ticket_id AS "ticketId", office_day AS "officeDay", solved, ease, answered_at AS "answeredAt"
  FROM questionnaire_answers WHERE office_id = ${param(1)} AND answered_at >= ${param(2)} ORDER BY answered_at, ticket_id LIMIT ${param(3)}`;
export const PAGE_OPENS_SINCE_SQL = (param: (n: number) => string) => `SELECT ticket_id AS "ticketId", office_day AS "officeDay", opened_at AS "openedAt"
  FROM phone_page_opens WHERE office_id = ${param(1)} AND opened_at >= ${param(2)} ORDER BY opened_at, ticket_id LIMIT ${param(3)}`;

/** A synced answer from a stored row: numbers may be strings, skipped questions are left out. */
export function syncedAnswerOfRow(row: { ticketId: string; officeDay: string; solved: number | string | boolean | null; ease: number | string | null; answeredAt: number | string }): SyncedQuestionnaireAnswer {
  return {
    ticketId: row.ticketId,
    officeDay: row.officeDay,
    answeredAt: Number(row.answeredAt),
    ...(row.solved !== null && { solved: row.solved === true || Number(row.solved) === 1 }),
    ...(row.ease !== null && { ease: Number(row.ease) }),
  };
}
