import { followUpsOf, qualityReport, reportNeedsFrom, type FollowUp, type QualityPeriod, type QualityReport, type QualityRules } from '@talon/domain';
import type { QualityStore } from './quality-store.js';

export interface QualityView {
  report: QualityReport;
  followUps: FollowUp[];
}

/**
 * The head's Quality view for a period, the previous period beside it. Reads the visits the
 * report needs (the previous period and the repeat window before it) in one query.
 */
export function qualityView(store: QualityStore, rules: QualityRules, period: QualityPeriod): QualityView {
  const visits = store.visits(reportNeedsFrom(period, rules.repeatWindowDays), period.to);
  // The questionnaire's answers come from the visitor's phone page on central (issue 12); until
  // they are synced down, the office counts none.
  const report = qualityReport(visits, [], period, rules);
  const inPeriod = visits.filter((v) => v.officeDay >= period.from && v.officeDay <= period.to);
  return { report, followUps: followUpsOf(inPeriod, store.marks(period.from, period.to)) };
}
