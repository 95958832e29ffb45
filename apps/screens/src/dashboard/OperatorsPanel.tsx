import type { OperatorDayView } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { formatMinutes } from './figures.js';

/** Each operator's day so far: served, did not come, time per visitor, ratings. */
export function OperatorsPanel({ operators }: { operators: readonly OperatorDayView[] }) {
  const { t, language } = useLanguage();
  return (
    <section className="dash-panel" aria-labelledby="operators-title">
      <h2 id="operators-title">{t('dashboard.operators')}</h2>
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.operatorCol')}</th>
            <th scope="col">{t('dashboard.servedCol')}</th>
            <th scope="col">{t('dashboard.noShowCol')}</th>
            <th scope="col">{t('dashboard.serviceTimeCol')}</th>
            <th scope="col">{t('dashboard.ratingCol')}</th>
          </tr>
        </thead>
        <tbody>
          {operators.map((o) => (
            <tr key={o.operatorId} data-testid="operator-row" data-operator={o.operatorId}>
              <th scope="row">{o.operatorName}</th>
              <td>{o.served}</td>
              <td>{o.noShow}</td>
              <td>{o.averageServiceMin === null ? '—' : formatMinutes(o.averageServiceMin, language)}</td>
              <td>{o.ratingAverage === null ? '—' : t('dashboard.ratingOf', { value: formatMinutes(o.ratingAverage, language), count: o.ratingCount })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
