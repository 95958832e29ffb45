import type { MessageKey } from '@talon/messages';
import type { PeriodIndicators } from '@talon/domain';
import { useLanguage } from '../../shared/language.js';
import { formatShare } from '../figures.js';

type Format = 'count' | 'share' | 'decimal';

/** Each indicator once: where it is read from the period's figures and how it reads. */
const ROWS: { key: string; label: MessageKey; format: Format; of: (p: PeriodIndicators) => number | null }[] = [
  { key: 'served', label: 'quality.served', format: 'count', of: (p) => p.satisfaction.served },
  { key: 'response-rate', label: 'quality.responseRate', format: 'share', of: (p) => p.satisfaction.responseRate },
  { key: 'satisfied-share', label: 'quality.satisfiedShare', format: 'share', of: (p) => p.satisfaction.satisfiedShare },
  { key: 'mean-rating', label: 'quality.meanRating', format: 'decimal', of: (p) => p.satisfaction.meanRating },
  { key: 'complaints', label: 'quality.complaints', format: 'count', of: (p) => p.complaints.complaints },
  { key: 'complaints-per-1000', label: 'quality.complaintsPer1000', format: 'decimal', of: (p) => p.complaints.per1000 },
  { key: 'with-account', label: 'quality.withAccount', format: 'count', of: (p) => p.repeats.withAccount },
  { key: 'repeats', label: 'quality.repeats', format: 'count', of: (p) => p.repeats.repeats },
  { key: 'first-visit-resolution', label: 'quality.firstVisitResolution', format: 'share', of: (p) => p.repeats.firstVisitResolution },
  { key: 'contacts-per-question', label: 'quality.contactsPerQuestion', format: 'decimal', of: (p) => p.repeats.contactsPerQuestion },
  { key: 'effortless', label: 'quality.effortless', format: 'share', of: (p) => p.effort.effortlessShare },
  { key: 'questionnaire-rate', label: 'quality.questionnaireRate', format: 'share', of: (p) => p.questionnaire.responseRate },
  { key: 'solved-share', label: 'quality.solvedShare', format: 'share', of: (p) => p.questionnaire.solvedShare },
  { key: 'mean-ease', label: 'quality.meanEase', format: 'decimal', of: (p) => p.questionnaire.meanEase },
];

export function formatIndicator(value: number | null, format: Format, language: 'ru' | 'en'): string {
  if (value === null) return '—';
  if (format === 'share') return formatShare(value);
  if (format === 'count') return String(value);
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 }).format(value);
}

/**
 * The period's indicators with the previous period beside them. Each cell carries its exact value
 * in `data-value` (`data-testid="quality-<key>"` and `quality-<key>-previous`) for tests.
 */
export function IndicatorsTable({ current, previous }: { current: PeriodIndicators; previous: PeriodIndicators }) {
  const { t, language } = useLanguage();
  return (
    <table className="dash-table quality-indicators">
      <thead>
        <tr>
          <th scope="col">{t('quality.indicator')}</th>
          <th scope="col">{t('quality.current')}</th>
          <th scope="col">{t('quality.previousColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => {
          const now = row.of(current);
          const before = row.of(previous);
          return (
            <tr key={row.key}>
              <th scope="row">{t(row.label)}</th>
              <td data-testid={`quality-${row.key}`} data-value={now ?? ''}>
                {formatIndicator(now, row.format, language)}
              </td>
              <td data-testid={`quality-${row.key}-previous`} data-value={before ?? ''}>
                {formatIndicator(before, row.format, language)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
