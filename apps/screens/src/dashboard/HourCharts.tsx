import type { HourLoad } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { hourSpan, linearScale, niceMax, ticks } from './chart-scale.js';

const WIDTH = 560;
const HEIGHT = 220;
const MOST_BAND = 60;
const PAD = { left: 36, right: 8, top: 10, bottom: 24 };

interface Frame {
  hours: number[];
  x: (index: number) => number;
  band: number;
}

function frameFor(loads: readonly HourLoad[]): Frame {
  const hours = hourSpan(loads.map((l) => l.hour));
  // A morning with one hour of data should not draw one bar the width of the chart.
  const band = Math.min(MOST_BAND, (WIDTH - PAD.left - PAD.right) / Math.max(hours.length, 1));
  return { hours, band, x: (index) => PAD.left + index * band };
}

function Axes({ frame, max, y }: { frame: Frame; max: number; y: (v: number) => number }) {
  return (
    <g className="chart__axes" aria-hidden="true">
      {ticks(max).map((value) => (
        <g key={value}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} className="chart__grid" />
          <text x={PAD.left - 4} y={y(value) + 4} textAnchor="end">
            {value}
          </text>
        </g>
      ))}
      {frame.hours.map((hour, index) => (
        <text key={hour} x={frame.x(index) + frame.band / 2} y={HEIGHT - 6} textAnchor="middle">
          {hour}
        </text>
      ))}
    </g>
  );
}

/** Average wait per hour as bars, with the office standard as a line: the hours over it stand out. */
export function WaitsChart({ loads, standardMinutes }: { loads: readonly HourLoad[]; standardMinutes: number }) {
  const { t } = useLanguage();
  if (loads.length === 0) return <p className="chart__empty">{t('dashboard.chartEmpty')}</p>;
  const frame = frameFor(loads);
  const max = niceMax(Math.max(...loads.map((l) => l.averageWaitMin ?? 0)), standardMinutes);
  const y = linearScale(max, HEIGHT - PAD.bottom, PAD.top);
  const byHour = new Map(loads.map((l) => [l.hour, l]));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart" role="img" aria-label={t('dashboard.chartWaits')} data-testid="chart-waits">
      <Axes frame={frame} max={max} y={y} />
      {frame.hours.map((hour, index) => {
        const wait = byHour.get(hour)?.averageWaitMin;
        if (wait === null || wait === undefined) return null;
        return (
          <rect
            key={hour}
            className={wait > standardMinutes ? 'chart__bar chart__bar--late' : 'chart__bar'}
            x={frame.x(index) + frame.band * 0.15}
            width={frame.band * 0.7}
            y={y(wait)}
            height={y(0) - y(wait)}
          >
            <title>{`${hour}:00 — ${wait}`}</title>
          </rect>
        );
      })}
      <line className="chart__standard" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(standardMinutes)} y2={y(standardMinutes)} />
      <text className="chart__standard-label" x={WIDTH - PAD.right} y={y(standardMinutes) - 4} textAnchor="end">
        {t('dashboard.chartStandard')} {standardMinutes}
      </text>
    </svg>
  );
}

/** Tickets issued and served per hour, side by side: when the hall fills faster than the desks empty it. */
export function LoadChart({ loads }: { loads: readonly HourLoad[] }) {
  const { t } = useLanguage();
  if (loads.length === 0) return <p className="chart__empty">{t('dashboard.chartEmpty')}</p>;
  const frame = frameFor(loads);
  const max = niceMax(Math.max(...loads.flatMap((l) => [l.issued, l.served])));
  const y = linearScale(max, HEIGHT - PAD.bottom, PAD.top);
  const byHour = new Map(loads.map((l) => [l.hour, l]));
  return (
    <figure className="chart-figure">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart" role="img" aria-label={t('dashboard.chartLoad')} data-testid="chart-load">
        <Axes frame={frame} max={max} y={y} />
        {frame.hours.map((hour, index) => {
          const load = byHour.get(hour);
          if (!load) return null;
          const bar = frame.band * 0.35;
          const left = frame.x(index) + frame.band * 0.15;
          return (
            <g key={hour}>
              <rect className="chart__bar chart__bar--issued" x={left} width={bar} y={y(load.issued)} height={y(0) - y(load.issued)}>
                <title>{`${hour}:00 — ${t('dashboard.chartIssued')} ${load.issued}`}</title>
              </rect>
              <rect className="chart__bar chart__bar--served" x={left + bar} width={bar} y={y(load.served)} height={y(0) - y(load.served)}>
                <title>{`${hour}:00 — ${t('dashboard.chartServed')} ${load.served}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        <span className="chart__key chart__key--issued">{t('dashboard.chartIssued')}</span>
        <span className="chart__key chart__key--served">{t('dashboard.chartServed')}</span>
      </figcaption>
    </figure>
  );
}
