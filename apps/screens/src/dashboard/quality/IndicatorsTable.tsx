import { QUALITY_INDICATORS, type IndicatorFormat, type PeriodIndicators } from '@talon/domain';
import { useLanguage } from '../../shared/language.js';
import { formatShare } from '../figures.js';

export function formatIndicator(value: number | null, format: IndicatorFormat, language: 'ru' | 'en'): string {
  if (value === null) return '—';
  if (format === 'share') return formatShare(value);
  if (format === 'count') return String(value);
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 }).format(value);
}

/**
 * The period's indicators with the previous period beside them. Each cell carries its exact value
 * in `data-value` (`data-testid="quality-<key>"` and `quality-<key>-previous`) for tests. The
 * visitors' questionnaire rows count the answers given on the office's ticket page and those synced
 * down from central's phone page.
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
        {QUALITY_INDICATORS.map((row) => {
          const now = row.of(current);
          const before = row.of(previous);
          return (
            <tr key={row.key}>
              <th scope="row">{t(`quality.indicator.${row.key}`)}</th>
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
