import { complaintsOf, type Complaints } from './complaints.js';
import { effortOf, type Effort, type EffortStandards } from './effort.js';
import { addDays, daysOf, inPeriod, previousPeriod, weekStartOf, type QualityPeriod } from './period.js';
import { questionnaireOf, type QuestionnaireAnswer, type QuestionnaireResults } from './questionnaire.js';
import { repeatVisitsOf } from './repeats.js';
import { satisfactionBy, satisfactionOf, type Satisfaction, type SatisfactionSplit } from './satisfaction.js';
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
    effort: effortOf(inside, rules, repeats.repeatTicketIds, answers),
    questionnaire: questionnaireOf(inside, answers),
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
