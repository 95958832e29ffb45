import { complaintsOf, type Complaints } from './complaints.js';
import { effortOf, type Effort, type EffortStandards } from './effort.js';
import { addDays, daysOf, inPeriod, previousPeriod, weekStartOf, type QualityPeriod } from './period.js';
import { questionnaireOf, type QuestionnaireAnswer, type QuestionnaireResults } from './questionnaire.js';
import { repeatVisitsOf } from './repeats.js';
import { satisfactionBy, satisfactionOf, type Satisfaction, type SatisfactionSplit } from './satisfaction.js';
import {
  dayCountsOf,
  effortlessOf,
  satisfactionFromCounts,
  splitFromCounts,
  sumDayCounts,
  type QualityDayCounts,
} from './day-counts.js';
import type { QualityVisit } from './visit.js';

export interface QualityRules extends EffortStandards {
  complaintOutcomeIds: ReadonlySet<string>;
  /** Same account, same service, within this many days: a repeat (config, default 30). */
  repeatWindowDays: number;
  /** Office days closed (holidays): trends show them as closed, not as a day of zero service. */
  holidays: ReadonlySet<string>;
  hourOf: (at: number) => number;
}

export interface PeriodIndicators {
  period: QualityPeriod;
  satisfaction: Satisfaction;
  complaints: Complaints;
  repeats: { withAccount: number; repeats: number; firstVisitResolution: number | null; contactsPerQuestion: number | null };
  effort: Effort;
  questionnaire: QuestionnaireResults;
}

export interface TrendPoint {
  /** The day, or the Monday of the week. */
  key: string;
  closed: boolean;
  served: number;
  satisfiedShare: number | null;
  meanRating: number | null;
  complaints: number;
  repeats: number;
}

export interface QualityReport {
  current: PeriodIndicators;
  previous: PeriodIndicators;
  byDay: TrendPoint[];
  byWeek: TrendPoint[];
  splits: Record<SatisfactionSplit, { key: string; satisfaction: Satisfaction }[]>;
}

/**
 * The earliest office day whose visits a report for `period` needs: the previous period, and the
 * repeat window before it (a repeat on the 1st finds its first visit in the month before).
 */
export function reportNeedsFrom(period: QualityPeriod, repeatWindowDays: number): string {
  return addDays(previousPeriod(period).from, -repeatWindowDays);
}

export function periodIndicators(
  visits: readonly QualityVisit[],
  answers: readonly QuestionnaireAnswer[],
  period: QualityPeriod,
  rules: QualityRules,
): PeriodIndicators {
  const inside = visits.filter((v) => inPeriod(v.officeDay, period));
  const repeats = repeatVisitsOf(visits, period, rules.repeatWindowDays);
  const { repeatTicketIds: _ids, ...repeatCounts } = repeats;
  return {
    period,
    satisfaction: satisfactionOf(inside),
    complaints: complaintsOf(inside, rules.complaintOutcomeIds),
    repeats: repeatCounts,
    effort: effortOf(inside, rules, repeats.repeatTicketIds),
    questionnaire: questionnaireOf(inside, answers, repeats.repeatTicketIds),
  };
}

/** The quality view for a period with the previous period of the same length beside it. */
export function qualityReport(
  visits: readonly QualityVisit[],
  answers: readonly QuestionnaireAnswer[],
  period: QualityPeriod,
  rules: QualityRules,
): QualityReport {
  const current = periodIndicators(visits, answers, period, rules);
  const previous = periodIndicators(visits, answers, previousPeriod(period), rules);
  const repeatIds = repeatVisitsOf(visits, period, rules.repeatWindowDays).repeatTicketIds;
  const inside = visits.filter((v) => inPeriod(v.officeDay, period));
  const byDayVisits = groupBy(inside, (v) => v.officeDay);
  const byDay = daysOf(period).map((day) => trendPoint(day, byDayVisits.get(day) ?? [], rules.holidays.has(day), rules, repeatIds));
  const weeks = new Map<string, string[]>();
  for (const day of daysOf(period)) {
    const week = weekStartOf(day);
    weeks.set(week, [...(weeks.get(week) ?? []), day]);
  }
  const byWeek = [...weeks.entries()].map(([week, days]) =>
    trendPoint(
      week,
      days.flatMap((d) => byDayVisits.get(d) ?? []),
      days.every((d) => rules.holidays.has(d)),
      rules,
      repeatIds,
    ),
  );
  const split = (s: SatisfactionSplit) => satisfactionBy(inside, s, rules.hourOf);
  return {
    current,
    previous,
    byDay,
    byWeek,
    splits: { service: split('service'), operator: split('operator'), desk: split('desk'), hour: split('hour'), waitBand: split('waitBand') },
  };
}

function trendPoint(
  key: string,
  visits: readonly QualityVisit[],
  closed: boolean,
  rules: QualityRules,
  repeatIds: ReadonlySet<string>,
): TrendPoint {
  const s = satisfactionOf(visits);
  return {
    key,
    closed,
    served: s.served,
    satisfiedShare: s.satisfiedShare,
    meanRating: s.meanRating,
    complaints: complaintsOf(visits, rules.complaintOutcomeIds).complaints,
    repeats: visits.filter((v) => repeatIds.has(v.ticketId)).length,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The indicators of a period from its days' counts (see day-counts.ts); missing days count as empty. */
export function periodIndicatorsFromDays(
  days: ReadonlyMap<string, QualityDayCounts>,
  period: QualityPeriod,
  rules: Pick<QualityRules, 'complaintOutcomeIds' | 'waitingStandardMinutes' | 'bookingStandardMinutes'>,
): PeriodIndicators {
  const c = sumDayCounts(period.from, daysOf(period).flatMap((d) => days.get(d) ?? []), false);
  const served = c.all.served;
  const byOutcome = Object.entries(c.outcomes)
    .filter(([id]) => rules.complaintOutcomeIds.has(id))
    .map(([outcomeId, count]) => ({ outcomeId, count }))
    .sort((a, b) => b.count - a.count || (a.outcomeId < b.outcomeId ? -1 : 1));
  const complaints = byOutcome.reduce((sum, o) => sum + o.count, 0);
  const questions = c.withAccount - c.repeats;
  const effortless = effortlessOf(c, rules);
  const q = c.questionnaire;
  return {
    period,
    satisfaction: satisfactionFromCounts(c.all),
    complaints: { served, complaints, per1000: served ? (complaints * 1000) / served : null, byOutcome },
    repeats: {
      withAccount: c.withAccount,
      repeats: c.repeats,
      firstVisitResolution: c.withAccount ? 1 - c.repeats / c.withAccount : null,
      contactsPerQuestion: questions ? c.contacts / questions : null,
    },
    effort: { served, effortless, effortlessShare: served ? effortless / served : null },
    questionnaire: {
      served,
      servedWithPage: q.servedWithPage,
      answered: q.answered,
      responseRate: served ? q.answered / served : null,
      pageResponseRate: q.servedWithPage ? q.answered / q.servedWithPage : null,
      solvedShare: q.solvedAnswers ? q.solvedYes / q.solvedAnswers : null,
      meanEase: q.easeAnswers ? q.easeSum / q.easeAnswers : null,
      easyShare: q.easeAnswers ? q.easy / q.easeAnswers : null,
      firstVisitResolution: q.solvedAnswers ? q.solvedFirstVisit / q.solvedAnswers : null,
    },
  };
}

/**
 * The same report as `qualityReport`, from per-day counts: what the office server and central
 * answer with, so a quarter over a year of data is a sum of ninety rows, not a fold of visits.
 */
export function qualityReportFromDays(
  days: ReadonlyMap<string, QualityDayCounts>,
  period: QualityPeriod,
  rules: Pick<QualityRules, 'complaintOutcomeIds' | 'waitingStandardMinutes' | 'bookingStandardMinutes' | 'holidays'>,
): QualityReport {
  const point = (key: string, dayKeys: string[]): TrendPoint => {
    const c = sumDayCounts(key, dayKeys.flatMap((d) => days.get(d) ?? []), false);
    const s = satisfactionFromCounts(c.all);
    return {
      key,
      closed: dayKeys.every((d) => rules.holidays.has(d)),
      served: s.served,
      satisfiedShare: s.satisfiedShare,
      meanRating: s.meanRating,
      complaints: Object.entries(c.outcomes).reduce((sum, [id, n]) => sum + (rules.complaintOutcomeIds.has(id) ? n : 0), 0),
      repeats: c.repeats,
    };
  };
  const weeks = new Map<string, string[]>();
  for (const day of daysOf(period)) {
    const week = weekStartOf(day);
    weeks.set(week, [...(weeks.get(week) ?? []), day]);
  }
  const inside = sumDayCounts(period.from, daysOf(period).flatMap((d) => days.get(d) ?? []));
  const split = (s: SatisfactionSplit) => splitFromCounts(s, inside.splits[s]);
  return {
    current: periodIndicatorsFromDays(days, period, rules),
    previous: periodIndicatorsFromDays(days, previousPeriod(period), rules),
    byDay: daysOf(period).map((d) => point(d, [d])),
    byWeek: [...weeks.entries()].map(([week, dayKeys]) => point(week, dayKeys)),
    splits: { service: split('service'), operator: split('operator'), desk: split('desk'), hour: split('hour'), waitBand: split('waitBand') },
  };
}

/**
 * Counts each day of `period` from visits that reach back over the repeat window (the visits
 * `reportNeedsFrom` asks for), judging repeats the way `repeatVisitsOf` does.
 */
export function dayCountsFromVisits(
  visits: readonly QualityVisit[],
  answers: readonly QuestionnaireAnswer[],
  period: QualityPeriod,
  rules: Pick<QualityRules, 'repeatWindowDays' | 'hourOf'>,
): Map<string, QualityDayCounts> {
  const repeatIds = repeatVisitsOf(visits, period, rules.repeatWindowDays).repeatTicketIds;
  const byDay = groupBy(
    visits.filter((v) => inPeriod(v.officeDay, period)),
    (v) => v.officeDay,
  );
  const days = new Map<string, QualityDayCounts>();
  for (const day of daysOf(period)) days.set(day, dayCountsOf(day, byDay.get(day) ?? [], repeatIds, answers, rules.hourOf));
  return days;
}
