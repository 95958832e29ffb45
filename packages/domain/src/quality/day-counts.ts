import type { QuestionnaireAnswer } from './questionnaire.js';
import { compareSplitKeys, splitKey, type Satisfaction, type SatisfactionSplit } from './satisfaction.js';
import { isServed, waitMinutes, type QualityVisit } from './visit.js';

/**
 * One office day of the quality programme as plain counts. A report over a quarter sums ninety of
 * these instead of folding tens of thousands of visits, and central keeps the same counts per
 * office and day. `qualityReportFromDays` over these equals `qualityReport` over the visits (a
 * table test holds the two together), so the visit-level functions stay the definition.
 */
export interface QualityDayCounts {
  officeDay: string;
  all: SatisfactionCounts;
  /** Served visits by outcome id: the complaint flag is applied when reading, so a config change counts at once. */
  outcomes: Record<string, number>;
  withAccount: number;
  repeats: number;
  /** Desk contacts of the visits with an account (a transfer is one more). */
  contacts: number;
  /**
   * Served visits with no transfer and not a repeat, by `b` (booked) or `w` and the
   * wait in whole minutes rounded up: effortless = those whose minutes are within the standard,
   * which the reader applies (exact for a standard in whole minutes, and a fraction counts down).
   */
  effortWaits: Record<string, number>;
  questionnaire: QuestionnaireCounts;
  splits: Record<SatisfactionSplit, Record<string, SatisfactionCounts>>;
}

export interface SatisfactionCounts {
  served: number;
  rated: number;
  ratingSum: number;
  satisfied: number;
}

/** Counts stored before a field existed read it as 0 (`sumDayCounts`). */
export interface QuestionnaireCounts {
  /** Served visits whose phone page was opened: those the questionnaire could reach. */
  servedWithPage: number;
  answered: number;
  solvedAnswers: number;
  solvedYes: number;
  /** "Solved" on a visit that was not a repeat: first-visit resolution by the visitor's word. */
  solvedFirstVisit: number;
  easeAnswers: number;
  easeSum: number;
  easy: number;
}

/** Waits past this many minutes share one bucket (the config's standards stop at 480). */
const LONGEST_WAIT_BUCKET = 481;
const SPLITS: readonly SatisfactionSplit[] = ['service', 'operator', 'desk', 'hour', 'waitBand'];

export function emptySatisfactionCounts(): SatisfactionCounts {
  return { served: 0, rated: 0, ratingSum: 0, satisfied: 0 };
}

export function emptyDayCounts(officeDay: string): QualityDayCounts {
  return {
    officeDay,
    all: emptySatisfactionCounts(),
    outcomes: {},
    withAccount: 0,
    repeats: 0,
    contacts: 0,
    effortWaits: {},
    questionnaire: { servedWithPage: 0, answered: 0, solvedAnswers: 0, solvedYes: 0, solvedFirstVisit: 0, easeAnswers: 0, easeSum: 0, easy: 0 },
    splits: { service: {}, operator: {}, desk: {}, hour: {}, waitBand: {} },
  };
}

function addVisit(counts: SatisfactionCounts, rating: number | undefined): void {
  counts.served++;
  if (rating === undefined) return;
  counts.rated++;
  counts.ratingSum += rating;
  if (rating >= 4) counts.satisfied++;
}

/**
 * Counts one office day. `visits` are that day's visits; `repeatTicketIds` the repeats among
 * them, judged by `repeatVisitsOf` with the visits of the window before; `hourOf` the office's
 * local hour (fixed here: a later change of time zone does not recount past days).
 */
export function dayCountsOf(
  officeDay: string,
  visits: readonly QualityVisit[],
  repeatTicketIds: ReadonlySet<string>,
  answers: readonly QuestionnaireAnswer[],
  hourOf: (at: number) => number,
): QualityDayCounts {
  const counts = emptyDayCounts(officeDay);
  const served = visits.filter((v) => v.officeDay === officeDay && isServed(v));
  const servedIds = new Set(served.map((v) => v.ticketId));
  const latest = new Map<string, QuestionnaireAnswer>();
  for (const a of answers) {
    if (!servedIds.has(a.ticketId)) continue;
    const before = latest.get(a.ticketId);
    if (!before || before.answeredAt <= a.answeredAt) latest.set(a.ticketId, a);
  }
  for (const v of served) {
    addVisit(counts.all, v.rating);
    if (v.outcomeId !== undefined) counts.outcomes[v.outcomeId] = (counts.outcomes[v.outcomeId] ?? 0) + 1;
    const repeat = repeatTicketIds.has(v.ticketId);
    if (v.accountKey !== undefined) {
      counts.withAccount++;
      counts.contacts += 1 + v.transfers;
      if (repeat) counts.repeats++;
    }
    if (v.phonePageOpened) counts.questionnaire.servedWithPage++;
    const wait = waitMinutes(v);
    if (wait !== undefined && v.transfers === 0 && !repeat) {
      const key = `${v.booked ? 'b' : 'w'}${Math.min(Math.ceil(wait), LONGEST_WAIT_BUCKET)}`;
      counts.effortWaits[key] = (counts.effortWaits[key] ?? 0) + 1;
    }
    for (const split of SPLITS) {
      const key = splitKey(v, split, hourOf);
      if (key === undefined) continue;
      addVisit((counts.splits[split][key] ??= emptySatisfactionCounts()), v.rating);
    }
  }
  const q = counts.questionnaire;
  for (const a of latest.values()) {
    q.answered++;
    if (a.solved !== undefined) {
      q.solvedAnswers++;
      if (a.solved) q.solvedYes++;
      if (a.solved && !repeatTicketIds.has(a.ticketId)) q.solvedFirstVisit++;
    }
    if (a.ease !== undefined) {
      q.easeAnswers++;
      q.easeSum += a.ease;
      if (a.ease >= 4) q.easy++;
    }
  }
  return counts;
}

function addSatisfaction(into: SatisfactionCounts, from: SatisfactionCounts): void {
  into.served += from.served;
  into.rated += from.rated;
  into.ratingSum += from.ratingSum;
  into.satisfied += from.satisfied;
}

function addRecord(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/**
 * Sums days (of one office or many) into one set of counts under `officeDay` as its label. With
 * `withSplits` false the splits are left empty: the indicators and trend points read none, and a
 * company's days hold thousands of operator and desk keys (the monthly report summed them five
 * times over, most of its time in bench/central-quality).
 */
export function sumDayCounts(label: string, days: Iterable<QualityDayCounts>, withSplits = true): QualityDayCounts {
  const total = emptyDayCounts(label);
  for (const d of days) {
    addSatisfaction(total.all, d.all);
    addRecord(total.outcomes, d.outcomes);
    total.withAccount += d.withAccount;
    total.repeats += d.repeats;
    total.contacts += d.contacts;
    addRecord(total.effortWaits, d.effortWaits);
    for (const key of Object.keys(total.questionnaire) as (keyof QuestionnaireCounts)[]) total.questionnaire[key] += d.questionnaire[key] ?? 0;
    if (!withSplits) continue;
    for (const split of SPLITS)
      for (const [key, c] of Object.entries(d.splits[split])) addSatisfaction((total.splits[split][key] ??= emptySatisfactionCounts()), c);
  }
  return total;
}

export function satisfactionFromCounts(c: SatisfactionCounts): Satisfaction {
  return {
    served: c.served,
    rated: c.rated,
    responseRate: c.served ? c.rated / c.served : null,
    satisfiedShare: c.rated ? c.satisfied / c.rated : null,
    meanRating: c.rated ? c.ratingSum / c.rated : null,
  };
}

export function splitFromCounts(split: SatisfactionSplit, counts: Record<string, SatisfactionCounts>): { key: string; satisfaction: Satisfaction }[] {
  return Object.keys(counts)
    .sort((a, b) => compareSplitKeys(split, a, b))
    .map((key) => ({ key, satisfaction: satisfactionFromCounts(counts[key]!) }));
}

/** Effortless visits: buckets within the standard for walk-ins (`w`) and bookings (`b`). */
export function effortlessOf(counts: QualityDayCounts, standards: { waitingStandardMinutes: number; bookingStandardMinutes: number }): number {
  let effortless = 0;
  for (const [key, n] of Object.entries(counts.effortWaits)) {
    const minutes = Number(key.slice(1));
    const standard = key[0] === 'b' ? standards.bookingStandardMinutes : standards.waitingStandardMinutes;
    if (minutes <= standard) effortless += n;
  }
  return effortless;
}

/**
 * One office's day counts with its own rules applied, so days of offices with different complaint
 * flags and standards can be summed into a company's: only complaint outcomes stay, the effortless
 * visits sit in one bucket every standard accepts (`w0`), and operator and desk keys are prefixed
 * with the office (ids are the office's own). Read the sum with every outcome a complaint and
 * standards of 0.
 */
export function resolveDayCounts(
  counts: QualityDayCounts,
  officeId: string,
  rules: { complaintOutcomeIds: ReadonlySet<string>; waitingStandardMinutes: number; bookingStandardMinutes: number },
): QualityDayCounts {
  const prefixed = (split: Record<string, SatisfactionCounts>) => Object.fromEntries(Object.entries(split).map(([key, c]) => [`${officeId}:${key}`, c]));
  const effortless = effortlessOf(counts, rules);
  return {
    ...counts,
    outcomes: Object.fromEntries(Object.entries(counts.outcomes).filter(([id]) => rules.complaintOutcomeIds.has(id))),
    effortWaits: effortless > 0 ? { w0: effortless } : {},
    splits: { ...counts.splits, operator: prefixed(counts.splits.operator), desk: prefixed(counts.splits.desk) },
  };
}
