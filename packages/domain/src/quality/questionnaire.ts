import { isServed, type QualityVisit } from './visit.js';

/**
 * The visitor's answers on the ticket's phone page after the visit (protocol event
 * `ticket.questionnaire-answered`). Either question may be skipped.
 */
export interface QuestionnaireAnswer {
  ticketId: string;
  /** "Был ли решён ваш вопрос?" */
  solved?: boolean;
  /** "Насколько легко было?" 1 (very hard) … 5 (very easy). */
  ease?: number;
  answeredAt: number;
}

export interface QuestionnaireResults {
  served: number;
  answered: number;
  responseRate: number | null;
  /** Share of "yes" among those who answered the first question: resolution as the visitor saw it. */
  solvedShare: number | null;
  meanEase: number | null;
  /** Share of ease 4–5 among ease answers. */
  easyShare: number | null;
}

/** Only answers for served visits in `visits` count; the last answer per ticket wins. */
export function questionnaireOf(visits: readonly QualityVisit[], answers: readonly QuestionnaireAnswer[]): QuestionnaireResults {
  const served = new Set(visits.filter(isServed).map((v) => v.ticketId));
  const latest = new Map<string, QuestionnaireAnswer>();
  for (const a of answers) {
    if (!served.has(a.ticketId)) continue;
    const before = latest.get(a.ticketId);
    if (!before || before.answeredAt <= a.answeredAt) latest.set(a.ticketId, a);
  }
  let solvedAnswers = 0;
  let solvedYes = 0;
  let easeAnswers = 0;
  let easeSum = 0;
  let easy = 0;
  for (const a of latest.values()) {
    if (a.solved !== undefined) {
      solvedAnswers++;
      if (a.solved) solvedYes++;
    }
    if (a.ease !== undefined) {
      easeAnswers++;
      easeSum += a.ease;
      if (a.ease >= 4) easy++;
    }
  }
  return {
    served: served.size,
    answered: latest.size,
    responseRate: served.size ? latest.size / served.size : null,
    solvedShare: solvedAnswers ? solvedYes / solvedAnswers : null,
    meanEase: easeAnswers ? easeSum / easeAnswers : null,
    easyShare: easeAnswers ? easy / easeAnswers : null,
  };
}
