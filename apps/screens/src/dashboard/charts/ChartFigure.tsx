import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { useLanguage } from '../../shared/language.js';

export interface ChartSeries {
  label: string;
  /** One value per x label; null is a gap (a closed day, an hour with nobody). */
  values: readonly (number | null)[];
  kind: 'bars' | 'line';
  /** A CSS class of the legend key and the stroke colour (see dashboard.css `--chart-*`). At most two bar series. */
  color: string;
  /** How this series' values read in the table, when not as the chart's axis does. */
  format?: (value: number) => string;
  /** A count that explains the drawn series (how many rated) but has another scale: in the table only. */
  tableOnly?: boolean;
}

export interface ChartFigureProps {
  title: string;
  testId: string;
  xLabels: readonly string[];
  /** The table's heading for the x column («Час», «День»). */
  xTitle: string;
  series: readonly ChartSeries[];
  /** How a value reads in the table and on the axis (a share as "82 %"). */
  format?: (value: number) => string;
  /** A horizontal reference, such as the waiting standard. */
  reference?: { label: string; value: number };
  /** The y axis starts at 0 and reaches at least this (so 2 visitors do not fill the chart). */
  yMin?: number;
  height?: number;
}

const plain = (value: number) => String(Math.round(value * 10) / 10);

/**
 * A chart with its numbers one click away: «Таблица» shows the same series as a table (the table
 * is also what a screen reader and a test read). uPlot draws on canvas: ~20 KB gzipped, where the
 * feature-rich libraries weigh 100–300 KB, and the dashboard runs on an office PC beside a board.
 */
export function ChartFigure(props: ChartFigureProps) {
  const { t } = useLanguage();
  const [asTable, setAsTable] = useState(false);
  const format = props.format ?? plain;
  const empty = props.xLabels.length === 0;
  const drawn = useMemo(() => props.series.filter((s) => !s.tableOnly), [props.series]);
  return (
    <figure className="chart-figure" data-testid={props.testId}>
      <figcaption className="chart-figure__head">
        <span className="chart-figure__title">{props.title}</span>
        {!empty && (
          <button type="button" className="dash__quiet" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('chart.asChart') : t('chart.asTable')}
          </button>
        )}
      </figcaption>
      {empty ? (
        <p className="chart__empty">{t('chart.empty')}</p>
      ) : asTable ? (
        <ChartTable {...props} format={format} />
      ) : (
        <>
          <UPlotChart {...props} series={drawn} format={format} />
          <p className="chart__legend" aria-hidden="true">
            {drawn.map((s) => (
              <span key={s.label} className={`chart__key chart__key--${s.color}`}>
                {s.label}
              </span>
            ))}
            {props.reference && <span className="chart__key chart__key--reference">{props.reference.label}</span>}
          </p>
        </>
      )}
    </figure>
  );
}

function ChartTable({ xLabels, xTitle, series, format }: ChartFigureProps & { format: (v: number) => string }) {
  return (
    <table className="dash-table chart-table">
      <thead>
        <tr>
          <th scope="col">{xTitle}</th>
          {series.map((s) => (
            <th key={s.label} scope="col">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {xLabels.map((x, i) => (
          <tr key={x}>
            <th scope="row">{x}</th>
            {series.map((s) => {
              const v = s.values[i];
              return <td key={s.label}>{v === null || v === undefined ? '—' : (s.format ?? format)(v)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Colours come from CSS so the dark and light themes agree with the legend. */
function cssColor(element: HTMLElement, name: string): string {
  return getComputedStyle(element).getPropertyValue(`--chart-${name}`).trim() || '#4a6fa5';
}

function UPlotChart({ title, xLabels, series, format, reference, yMin = 1, height = 220 }: ChartFigureProps & { format: (v: number) => string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const bars = series.filter((s) => s.kind === 'bars');
    const barWidth = bars.length > 1 ? 0.4 : 0.6;
    let barIndex = 0;
    const top = Math.max(yMin, reference?.value ?? 0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
    const data: uPlot.AlignedData = [
      xLabels.map((_, i) => i),
      ...series.map((s) => s.values.map((v) => v ?? null)),
      ...(reference ? [xLabels.map(() => reference.value)] : []),
    ];
    const opts: uPlot.Options = {
      width: Math.max(element.clientWidth, 240),
      height,
      title: undefined,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [-0.5, xLabels.length - 0.5] }, y: { range: [0, top * 1.1] } },
      axes: [
        {
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (xLabels[i] ?? '') : '')),
          incrs: [1, 2, 5, 7, 10, 14, 30],
          grid: { show: false },
        },
        { values: (_u, splits) => splits.map((v) => format(v)), size: 56 },
      ],
      series: [
        {},
        ...series.map((s): uPlot.Series => {
          const stroke = cssColor(element, s.color);
          if (s.kind === 'line') return { label: s.label, stroke, width: 2, points: { show: true, size: 5 } };
          // Two bar series stand side by side: the first left of its slot's middle, the second right.
          const align = bars.length === 2 ? (barIndex++ === 0 ? -1 : 1) : 0;
          return {
            label: s.label,
            stroke,
            fill: stroke,
            paths: uPlot.paths.bars!({ size: [barWidth, 60], align }),
            points: { show: false },
          };
        }),
        ...(reference ? [{ label: reference.label, stroke: cssColor(element, 'reference'), dash: [6, 4], width: 1.5, points: { show: false } }] : []),
      ],
    };
    const chart = new uPlot(opts, data, element);
    chart.root.setAttribute('role', 'img');
    chart.root.setAttribute('aria-label', title);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 240), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [title, xLabels, series, format, reference, yMin, height]);
  return <div ref={box} className="chart-uplot" />;
}
