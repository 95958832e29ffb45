import { WAIT_BANDS } from '@talon/domain';
import type { MessageKey } from '@talon/messages';
import type { CentralQualityView } from '@talon/protocol';
import { useMemo, useState } from 'react';
import { ChartFigure, type ChartSeries } from './ChartFigure.js';

type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const percentText = (value: number) => `${Math.round(value)} %`;
/** 2026-11-02 -> 02.11 */
const shortDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;

/**
 * The company's charts for the quality department: trends by day or week, ratings against wait
 * bands, complaints by outcome code this period against the previous one. Each has its table one
 * click away (the same numbers), the way the office head's view has them.
 */
export function CompanyCharts({ view, say, outcomeName }: { view: CentralQualityView; say: Say; outcomeName: (id: string) => string }) {
  const words = { asTable: say('chart.asTable'), asChart: say('chart.asChart'), empty: say('chart.empty') };
  const report = view.company;
  const [byWeek, setByWeek] = useState(report.byDay.length > 31);
  const points = byWeek ? report.byWeek : report.byDay;
  // A day every office in view was closed on (a holiday) reads as closed, not as a day nobody came.
  const xLabels = useMemo(
    () => points.map((p) => `${byWeek ? `${say('quality.weekOf')} ${shortDay(p.key)}` : shortDay(p.key)}${p.closed ? ` (${say('quality.closed')})` : ''}`),
    [points, byWeek, say],
  );
  const satisfaction = useMemo<ChartSeries[]>(
    () => [{ label: say('quality.satisfiedShare'), kind: 'line', color: 'green', values: points.map((p) => percent(p.satisfiedShare)) }],
    [points, say],
  );
  const visits = useMemo<ChartSeries[]>(
    () => [
      { label: say('quality.served'), kind: 'bars', color: 'blue', values: points.map((p) => p.served) },
      { label: say('quality.complaints'), kind: 'line', color: 'red', values: points.map((p) => p.complaints) },
      { label: say('quality.repeats'), kind: 'line', color: 'green', values: points.map((p) => p.repeats) },
    ],
    [points, say],
  );

  const bands = new Map(report.splits.waitBand.map((b) => [b.key, b.satisfaction]));
  const bandLabels = useMemo(() => WAIT_BANDS.map((band) => say('quality.waitBandName', { band })), [say]);
  const waits = useMemo<ChartSeries[]>(
    () => [
      { label: say('quality.satisfiedShare'), kind: 'bars', color: 'green', format: percentText, values: WAIT_BANDS.map((b) => percent(bands.get(b)?.satisfiedShare ?? null)) },
      { label: say('quality.rated'), kind: 'line', color: 'blue', values: WAIT_BANDS.map((b) => bands.get(b)?.rated ?? 0) },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, say],
  );

  const outcomes = [...new Set([...report.current.complaints.byOutcome, ...report.previous.complaints.byOutcome].map((o) => o.outcomeId))];
  const countOf = (list: { outcomeId: string; count: number }[], id: string) => list.find((o) => o.outcomeId === id)?.count ?? 0;
  const outcomeLabels = useMemo(() => outcomes.map(outcomeName), [outcomes.join(), outcomeName]);
  const complaints = useMemo<ChartSeries[]>(
    () => [
      { label: say('quality.currentPeriod'), kind: 'bars', color: 'blue', values: outcomes.map((id) => countOf(report.current.complaints.byOutcome, id)) },
      { label: say('quality.previousPeriod'), kind: 'bars', color: 'green', values: outcomes.map((id) => countOf(report.previous.complaints.byOutcome, id)) },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, say],
  );

  return (
    <div className="qc-details">
      <section className="qc-panel qc-wide" aria-labelledby="qc-trends">
        <h2 id="qc-trends">
          {say('quality.trendVisits')}{' '}
          <span className="qc-switch">
            <button type="button" aria-pressed={!byWeek} onClick={() => setByWeek(false)}>
              {say('quality.byDay')}
            </button>
            <button type="button" aria-pressed={byWeek} onClick={() => setByWeek(true)}>
              {say('quality.byWeek')}
            </button>
          </span>
        </h2>
        <ChartFigure title={say('quality.trendSatisfaction')} testId="central-chart-trend-satisfaction" xLabels={xLabels} xTitle={byWeek ? say('quality.weekOf') : say('quality.day')}
          series={satisfaction} format={percentText} yMin={100} words={words} />
        <ChartFigure title={say('quality.trendVisits')} testId="central-chart-trend-visits" xLabels={xLabels} xTitle={byWeek ? say('quality.weekOf') : say('quality.day')}
          series={visits} words={words} tableTestId="company-trend" />
      </section>
      <section className="qc-panel" aria-label={say('quality.waitBands')}>
        <ChartFigure title={say('quality.waitBands')} testId="central-chart-wait-bands" xLabels={bandLabels} xTitle={say('quality.waitBand')} series={waits} yMin={100}
          words={words} tableTestId="company-wait-bands" />
      </section>
      <section className="qc-panel" aria-label={say('quality.complaintsByOutcome')}>
        <ChartFigure title={say('quality.complaintsByOutcome')} testId="central-chart-complaints" xLabels={outcomeLabels} xTitle={say('quality.outcome')} series={complaints}
          words={words} tableTestId="company-complaints" />
      </section>
    </div>
  );
}
