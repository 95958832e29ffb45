import type { QuestionnaireAnswer } from './questionnaire.js';
import { isServed, waitMinutes, type QualityVisit } from './visit.js';

export interface EffortStandards {
  /** Walk-ins and priority visitors: called within this many minutes of issue. */
  waitingStandardMinutes: number;
  /** Booked visitors: called within this many minutes of check-in. */
  bookingStandardMinutes: number;
}

export interface Effort {
  served: number;
  effortless: number;
  /** effortless / served; null with nothing served. */
  effortlessShare: number | null;
}

/**
 * An effortless visit: called within the standard, no transfer, not a repeat, and — when the
 * visitor answered the questionnaire — neither "not solved" nor an ease of 1–2.
 */
export function effortOf(
  visits: readonly QualityVisit[],
  standards: EffortStandards,
  repeatTicketIds: ReadonlySet<string>,
  answers: readonly QuestionnaireAnswer[] = [],
): Effort {
  const answerOf = new Map(answers.map((a) => [a.ticketId, a]));
  let served = 0;
  let effortless = 0;
  for (const v of visits) {
    if (!isServed(v)) continue;
    served++;
    const wait = waitMinutes(v);
    const standard = v.booked ? standards.bookingStandardMinutes : standards.waitingStandardMinutes;
    const answer = answerOf.get(v.ticketId);
    if (wait === undefined || wait > standard) continue;
    if (v.transfers > 0 || repeatTicketIds.has(v.ticketId)) continue;
    if (answer?.solved === false || (answer?.ease !== undefined && answer.ease <= 2)) continue;
    effortless++;
  }
  return { served, effortless, effortlessShare: served ? effortless / served : null };
}
