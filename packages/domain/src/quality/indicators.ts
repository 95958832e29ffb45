import type { PeriodIndicators } from './report.js';

export type IndicatorFormat = 'count' | 'share' | 'decimal';

/**
 * The programme's indicators in the order every view lists them (the office's «Качество», central's
 * page, the monthly XLSX and CSV): a key (`quality.indicator.<key>` in the message catalogue), how
 * it reads, and where it is taken from. One list, so the views cannot drift apart.
 */
export const QUALITY_INDICATORS = [
  { key: 'served', format: 'count', of: (p: PeriodIndicators) => p.satisfaction.served },
  { key: 'rated', format: 'count', of: (p: PeriodIndicators) => p.satisfaction.rated },
  { key: 'response-rate', format: 'share', of: (p: PeriodIndicators) => p.satisfaction.responseRate },
  { key: 'satisfied-share', format: 'share', of: (p: PeriodIndicators) => p.satisfaction.satisfiedShare },
  { key: 'mean-rating', format: 'decimal', of: (p: PeriodIndicators) => p.satisfaction.meanRating },
  { key: 'complaints', format: 'count', of: (p: PeriodIndicators) => p.complaints.complaints },
  { key: 'complaints-per-1000', format: 'decimal', of: (p: PeriodIndicators) => p.complaints.per1000 },
  { key: 'with-account', format: 'count', of: (p: PeriodIndicators) => p.repeats.withAccount },
  { key: 'repeats', format: 'count', of: (p: PeriodIndicators) => p.repeats.repeats },
  { key: 'first-visit-resolution', format: 'share', of: (p: PeriodIndicators) => p.repeats.firstVisitResolution },
  // Beside the repeat-based figure: the same question answered by the visitors themselves.
  { key: 'first-visit-resolution-answers', format: 'share', of: (p: PeriodIndicators) => p.questionnaire.firstVisitResolution },
  { key: 'contacts-per-question', format: 'decimal', of: (p: PeriodIndicators) => p.repeats.contactsPerQuestion },
  { key: 'effortless', format: 'share', of: (p: PeriodIndicators) => p.effort.effortlessShare },
  { key: 'easy-share', format: 'share', of: (p: PeriodIndicators) => p.questionnaire.easyShare },
  { key: 'questionnaire-answered', format: 'count', of: (p: PeriodIndicators) => p.questionnaire.answered },
  { key: 'questionnaire-page-rate', format: 'share', of: (p: PeriodIndicators) => p.questionnaire.pageResponseRate },
  { key: 'questionnaire-rate', format: 'share', of: (p: PeriodIndicators) => p.questionnaire.responseRate },
  { key: 'solved-share', format: 'share', of: (p: PeriodIndicators) => p.questionnaire.solvedShare },
  { key: 'mean-ease', format: 'decimal', of: (p: PeriodIndicators) => p.questionnaire.meanEase },
] as const satisfies readonly { key: string; format: IndicatorFormat; of: (p: PeriodIndicators) => number | null }[];

export type QualityIndicatorKey = (typeof QUALITY_INDICATORS)[number]['key'];
