import type { HourLoad } from '@talon/protocol';
import { useMemo } from 'react';
import { useLanguage } from '../shared/language.js';
import { ChartFigure, type ChartSeries } from './charts/ChartFigure.js';
import { hourSpan } from './chart-scale.js';

/** Low enough that the live view fits a 1440x900 monitor without a long scroll. */
const LIVE_CHART_HEIGHT = 130;

type OpenHours = { from: number; to: number } | undefined;

/** The office's hours today and any hour with data, so a quiet hour shows as a gap, not vanishing. */
function useHours(loads: readonly HourLoad[], open: OpenHours) {
  const from = open?.from;
  const to = open?.to;
  return useMemo(() => {
    const hours = hourSpan(
      loads.map((l) => l.hour),
      from !== undefined && to !== undefined ? { from, to } : undefined,
    );
    const byHour = new Map(loads.map((l) => [l.hour, l]));
    return { labels: hours.map((h) => `${h}:00`), at: hours.map((h) => byHour.get(h)) };
  }, [loads, from, to]);
}

/** Average wait per hour as bars, with the office standard as a line: the hours over it stand out. */
export function WaitsChart({ loads, open, standardMinutes }: { loads: readonly HourLoad[]; open: OpenHours; standardMinutes: number }) {
  const { t } = useLanguage();
  const hours = useHours(loads, open);
  const series = useMemo<ChartSeries[]>(
    () => [{ label: t('dashboard.chartWaits'), kind: 'bars', color: 'issued', values: hours.at.map((l) => l?.averageWaitMin ?? null) }],
    [hours, t],
  );
  const reference = useMemo(() => ({ label: `${t('dashboard.chartStandard')} ${standardMinutes}`, value: standardMinutes }), [t, standardMinutes]);
  return (
    <ChartFigure
      title={t('dashboard.chartWaits')}
      testId="chart-waits"
      xLabels={hours.labels}
      xTitle={t('chart.hour')}
      series={series}
      reference={reference}
      height={LIVE_CHART_HEIGHT}
    />
  );
}

/** Tickets issued and served per hour, side by side: when the hall fills faster than the desks empty it. */
export function LoadChart({ loads, open }: { loads: readonly HourLoad[]; open: OpenHours }) {
  const { t } = useLanguage();
  const hours = useHours(loads, open);
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('dashboard.chartIssued'), kind: 'bars', color: 'issued', values: hours.at.map((l) => l?.issued ?? 0) },
      { label: t('dashboard.chartServed'), kind: 'bars', color: 'served', values: hours.at.map((l) => l?.served ?? 0) },
    ],
    [hours, t],
  );
  return <ChartFigure title={t('dashboard.chartLoad')} testId="chart-load" xLabels={hours.labels} xTitle={t('chart.hour')} series={series} height={LIVE_CHART_HEIGHT} />;
}
