export { foldVisit, visitsFromEvents, isServed, waitMinutes, type QualityVisit } from './visit.js';
export { addDays, daysBetween, daysOf, inPeriod, periodLength, previousPeriod, weekStartOf, type QualityPeriod } from './period.js';
export { presetPeriod, type PeriodPreset } from './period-preset.js';
export { WAIT_BANDS, waitBandOf, type WaitBand } from './wait-band.js';
export { satisfactionOf, satisfactionBy, type Satisfaction, type SatisfactionSplit } from './satisfaction.js';
export { complaintsOf, type Complaints } from './complaints.js';
export { repeatVisitsOf, type RepeatVisits } from './repeats.js';
export { effortOf, type Effort, type EffortStandards } from './effort.js';
export { followUpsOf, type FollowUp, type FollowUpMark } from './follow-ups.js';
export { questionnaireOf, type QuestionnaireAnswer, type QuestionnaireResults } from './questionnaire.js';
export {
  qualityReport,
  qualityReportFromDays,
  periodIndicatorsFromDays,
  dayCountsFromVisits,
  periodIndicators,
  reportNeedsFrom,
  type QualityReport,
  type QualityRules,
  type PeriodIndicators,
  type TrendPoint,
} from './report.js';
export {
  dayCountsOf,
  sumDayCounts,
  emptyDayCounts,
  satisfactionFromCounts,
  effortlessOf,
  resolveDayCounts,
  type QualityDayCounts,
  type SatisfactionCounts,
  type QuestionnaireCounts,
} from './day-counts.js';
export { qualityVisitOfRow, type QualityVisitRow } from './visit-row.js';
export { QUALITY_INDICATORS, type IndicatorFormat, type QualityIndicatorKey } from './indicators.js';
