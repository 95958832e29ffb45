import type { QuestionnaireAnswer } from '@talon/domain';

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
