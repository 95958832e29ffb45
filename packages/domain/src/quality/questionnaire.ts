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
  /** Served visits whose ticket page was opened (the questionnaire could be offered). */
  servedWithPage: number;
  answered: number;
  /** answered / served: every served visit, page or not. */
  responseRate: number | null;
  /** answered / servedWithPage: of those who could answer, how many did. */
  pageResponseRate: number | null;
  /** Share of "yes" among those who answered the first question: resolution as the visitor saw it. */
  solvedShare: number | null;
  meanEase: number | null;
  /** Share of ease 4–5 among ease answers: effort as the visitor felt it, beside the queue-data figure. */
  easyShare: number | null;
  /**
   * First-visit resolution by the visitor's word, beside the repeat-based one: "solved" answered
   * yes on a visit that was not itself a repeat, among the "solved" answers.
   */
  firstVisitResolution: number | null;
}

/**
 * Only answers for served visits in `visits` count; the last answer per ticket wins (central keeps
 * one per ticket, but the definition does not rely on it). `repeatTicketIds` are the repeats among
 * the visits (`repeatVisitsOf`): a "solved" on a repeat visit is not a first-visit resolution.
 */
export function questionnaireOf(
  visits: readonly QualityVisit[],
  answers: readonly QuestionnaireAnswer[],
  repeatTicketIds: ReadonlySet<string> = new Set(),
): QuestionnaireResults {
  const servedVisits = visits.filter(isServed);
  const served = new Set(servedVisits.map((v) => v.ticketId));
  const servedWithPage = servedVisits.filter((v) => v.phonePageOpened).length;
  const latest = new Map<string, QuestionnaireAnswer>();
  for (const a of answers) {
    if (!served.has(a.ticketId)) continue;
    const before = latest.get(a.ticketId);
    if (!before || before.answeredAt <= a.answeredAt) latest.set(a.ticketId, a);
  }
  let solvedAnswers = 0;
  let solvedYes = 0;
  let solvedFirstVisit = 0;
  let easeAnswers = 0;
  let easeSum = 0;
  let easy = 0;
  for (const a of latest.values()) {
    if (a.solved !== undefined) {
      solvedAnswers++;
      if (a.solved) solvedYes++;
      if (a.solved && !repeatTicketIds.has(a.ticketId)) solvedFirstVisit++;
    }
    if (a.ease !== undefined) {
      easeAnswers++;
      easeSum += a.ease;
      if (a.ease >= 4) easy++;
    }
  }
  return {
    served: served.size,
    servedWithPage,
    answered: latest.size,
    responseRate: served.size ? latest.size / served.size : null,
    pageResponseRate: servedWithPage ? latest.size / servedWithPage : null,
    solvedShare: solvedAnswers ? solvedYes / solvedAnswers : null,
    meanEase: easeAnswers ? easeSum / easeAnswers : null,
    easyShare: easeAnswers ? easy / easeAnswers : null,
    firstVisitResolution: solvedAnswers ? solvedFirstVisit / solvedAnswers : null,
  };
}
