import {
  addDays,
  daysOf,
  dayCountsFromVisits,
  followUpsOf,
  previousPeriod,
  qualityReportFromDays,
  type FollowUp,
  type QualityDayCounts,
  type QualityPeriod,
  type QualityReport,
  type QualityRules,
} from '@talon/domain';
import type { QualityStore } from './quality-store.js';

export interface QualityView {
  report: QualityReport;
  followUps: FollowUp[];
}

/**
 * The head's Quality view for a period, the previous period beside it. Closed days are read as
 * their stored counts (counting any not yet counted); today is counted live from its visits.
 * `qualityReportFromDays` over the counts equals `qualityReport` over the visits (domain tests).
 */
export function qualityView(store: QualityStore, rules: QualityRules, period: QualityPeriod, today: string, now: number): QualityView {
  const from = previousPeriod(period).from;
  const days = countClosedDays(store, rules, { from, to: period.to }, today, now);
  if (today >= from && today <= period.to)
    for (const [day, counts] of countDays(store, rules, { from: today, to: today })) days.set(day, counts);
  const report = qualityReportFromDays(days, period, rules);
  return { report, followUps: followUpsOf(store.lowRated(period.from, period.to), store.marks(period.from, period.to)) };
}

/**
 * The stored counts of `period`'s closed days (before `today`), counting and storing the missing
 * ones first. Run daily before the account keys are forgotten, so a day's repeats are judged while
 * the keys of the window before it are still there.
 */
export function countClosedDays(
  store: QualityStore,
  rules: QualityRules,
  period: QualityPeriod,
  today: string,
  now: number,
): Map<string, QualityDayCounts> {
  const days = store.countedDays(period.from, period.to);
  const missing = daysOf(period).filter((d) => d < today && !days.has(d));
  if (missing.length > 0) {
    const counted = countDays(store, rules, { from: missing[0]!, to: missing[missing.length - 1]! });
    const fresh = missing.map((d) => counted.get(d)!);
    store.saveDays(fresh, now);
    for (const d of fresh) days.set(d.officeDay, d);
  }
  return days;
}

function countDays(store: QualityStore, rules: QualityRules, period: QualityPeriod): Map<string, QualityDayCounts> {
  const visits = store.visits(addDays(period.from, -rules.repeatWindowDays), period.to);
  // The questionnaire's answers, given on the office's ticket page or synced down from central's
  // phone page: a first answer for a closed day drops its counts, so it is counted here again.
  return dayCountsFromVisits(visits, store.answers(period.from, period.to), period, rules);
}
