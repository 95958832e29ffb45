import { WAIT_BANDS, type QualityReport, type SatisfactionSplit } from '@talon/domain';
import { useMemo, useState } from 'react';
import { dayText } from '../../shared/day-text.js';
import { useLanguage } from '../../shared/language.js';
import { ChartFigure, type ChartSeries } from '../charts/ChartFigure.js';
import { formatShare } from '../figures.js';
import { formatIndicator } from './IndicatorsTable.js';
import type { QualityNames } from './quality-names.js';

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const percentText = (value: number) => `${Math.round(value)} %`;

/** Satisfaction and visits over the period, by day or by week (a quarter reads better by week). */
export function TrendCharts({ report }: { report: QualityReport }) {
  const { t } = useLanguage();
  const [byWeek, setByWeek] = useState(report.byDay.length > 31);
  const points = byWeek ? report.byWeek : report.byDay;
  const xLabels = useMemo(
    () => points.map((p) => (p.closed ? `${dayText(p.key).slice(0, 5)} (${t('quality.closed')})` : dayText(p.key).slice(0, 5))),
    [points, t],
  );
  const satisfaction = useMemo<ChartSeries[]>(
    () => [{ label: t('quality.satisfiedShare'), kind: 'line', color: 'served', values: points.map((p) => percent(p.satisfiedShare)) }],
    [points, t],
  );
  const visits = useMemo<ChartSeries[]>(
    () => [
      { label: t('quality.served'), kind: 'bars', color: 'issued', values: points.map((p) => p.served) },
      { label: t('quality.complaints'), kind: 'line', color: 'late', values: points.map((p) => p.complaints) },
      { label: t('quality.repeats'), kind: 'line', color: 'served', values: points.map((p) => p.repeats) },
    ],
    [points, t],
  );
  const xTitle = byWeek ? t('quality.weekOf') : t('quality.day');
  return (
    <section className="dash-panel quality-wide" aria-labelledby="quality-trends">
      <h2 id="quality-trends">
        {t('quality.trendVisits')}
        <span className="quality-switch">
          <button type="button" aria-pressed={!byWeek} onClick={() => setByWeek(false)}>
            {t('quality.byDay')}
          </button>
          <button type="button" aria-pressed={byWeek} onClick={() => setByWeek(true)}>
            {t('quality.byWeek')}
          </button>
        </span>
      </h2>
      <ChartFigure title={t('quality.trendSatisfaction')} testId="quality-chart-trend-satisfaction" xLabels={xLabels} xTitle={xTitle} series={satisfaction} format={percentText} yMin={100} />
      <ChartFigure title={t('quality.trendVisits')} testId="quality-chart-trend-visits" xLabels={xLabels} xTitle={xTitle} series={visits} />
    </section>
  );
}

/** "Ratings fall when the wait passes 15 minutes": the satisfied share per wait band. */
export function WaitBandChart({ report }: { report: QualityReport }) {
  const { t } = useLanguage();
  const bands = new Map(report.splits.waitBand.map((b) => [b.key, b.satisfaction]));
  const xLabels = WAIT_BANDS.map((band) => t('quality.waitBandName', { band }));
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('quality.satisfiedShare'), kind: 'bars', color: 'served', format: percentText, values: WAIT_BANDS.map((b) => percent(bands.get(b)?.satisfiedShare ?? null)) },
      { label: t('quality.rated'), kind: 'line', color: 'issued', values: WAIT_BANDS.map((b) => bands.get(b)?.rated ?? 0) },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, t],
  );
  return (
    <section className="dash-panel" aria-label={t('quality.waitBands')}>
      <ChartFigure title={t('quality.waitBands')} testId="quality-chart-wait-bands" xLabels={xLabels} xTitle={t('quality.waitBand')} series={series} yMin={100} />
    </section>
  );
}

/** Complaints per outcome code, this period against the previous one. */
export function ComplaintsChart({ report, names }: { report: QualityReport; names: QualityNames }) {
  const { t } = useLanguage();
  const outcomes = [...new Set([...report.current.complaints.byOutcome, ...report.previous.complaints.byOutcome].map((o) => o.outcomeId))];
  const countOf = (list: { outcomeId: string; count: number }[], id: string) => list.find((o) => o.outcomeId === id)?.count ?? 0;
  const xLabels = useMemo(() => outcomes.map((id) => names.outcome(id)), [outcomes.join(), names]);
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('quality.currentPeriod'), kind: 'bars', color: 'issued', values: outcomes.map((id) => countOf(report.current.complaints.byOutcome, id)) },
      { label: t('quality.previousPeriod'), kind: 'bars', color: 'served', values: outcomes.map((id) => countOf(report.previous.complaints.byOutcome, id)) },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, t],
  );
  return (
    <section className="dash-panel" aria-label={t('quality.complaintsByOutcome')}>
      <ChartFigure title={t('quality.complaintsByOutcome')} testId="quality-chart-complaints" xLabels={xLabels} xTitle={t('quality.outcome')} series={series} />
    </section>
  );
}

const SPLITS: SatisfactionSplit[] = ['service', 'operator', 'desk', 'hour'];

/** Satisfaction per service, operator, desk or hour, as a table (names are long; bars would hide them). */
export function SplitsTable({ report, names }: { report: QualityReport; names: QualityNames }) {
  const { t, language } = useLanguage();
  const [split, setSplit] = useState<SatisfactionSplit>('service');
  const label = (key: string) => {
    switch (split) {
      case 'service':
        return names.service(key);
      case 'operator':
        return names.operator(key);
      case 'desk': {
        const number = names.deskNumber(key);
        return number === undefined ? key : t('quality.deskNumber', { number });
      }
      default:
        return t('quality.hour', { hour: key });
    }
  };
  return (
    <section className="dash-panel" aria-labelledby="quality-splits">
      <h2 id="quality-splits">
        {t('quality.splits')}
        <span className="quality-switch">
          {SPLITS.map((s) => (
            <button key={s} type="button" aria-pressed={split === s} onClick={() => setSplit(s)}>
              {t(`quality.split.${s}` as 'quality.split.service')}
            </button>
          ))}
        </span>
      </h2>
      <table className="dash-table" data-testid="quality-splits">
        <thead>
          <tr>
            <th scope="col">{t('quality.name')}</th>
            <th scope="col">{t('quality.served')}</th>
            <th scope="col">{t('quality.rated')}</th>
            <th scope="col">{t('quality.satisfiedShare')}</th>
            <th scope="col">{t('quality.meanRating')}</th>
          </tr>
        </thead>
        <tbody>
          {report.splits[split].map(({ key, satisfaction: s }) => (
            <tr key={key} data-key={key}>
              <th scope="row">{label(key)}</th>
              <td>{s.served}</td>
              <td>{s.rated}</td>
              <td>{formatShare(s.satisfiedShare)}</td>
              <td>{formatIndicator(s.meanRating, 'decimal', language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
