import type { DashboardState } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { formatMinutes, formatShare } from './figures.js';

/**
 * The wait the kiosk told against the wait that followed, in the open: today and the month so
 * far, the mean error, its lean and the share of visitors whose wait fell inside the printed range.
 */
export function WaitAccuracyPanel({ accuracy }: { accuracy: DashboardState['waitAccuracy'] }) {
  const { t, language } = useLanguage();
  if (!accuracy) return null;
  const columns = [
    { key: 'today', title: t('dashboard.waitAccuracyToday'), figures: accuracy.today },
    { key: 'month', title: t('dashboard.waitAccuracyMonth'), figures: accuracy.month },
  ];
  const rows = [
    { key: 'counted', name: t('dashboard.waitAccuracyCounted'), value: (f: (typeof columns)[number]['figures']) => String(f.counted) },
    { key: 'mae', name: t('dashboard.waitAccuracyMae'), value: (f: (typeof columns)[number]['figures']) => formatMinutes(f.meanAbsErrorMin, language) },
    { key: 'bias', name: t('dashboard.waitAccuracyBias'), value: (f: (typeof columns)[number]['figures']) => formatMinutes(f.biasMin, language) },
    { key: 'inside', name: t('dashboard.waitAccuracyInside'), value: (f: (typeof columns)[number]['figures']) => formatShare(f.insideRangeShare) },
  ];
  return (
    <section className="dash-panel" tabIndex={0} aria-labelledby="wait-accuracy-title" data-testid="wait-accuracy">
      <h2 id="wait-accuracy-title">{t('dashboard.waitAccuracy')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.name}</th>
              {columns.map((c) => (
                <td key={c.key} data-period={c.key}>
                  {row.value(c.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
