import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** One value per x label; null is a gap (a day with nobody rated). */
  values: readonly (number | null)[];
  kind: 'bars' | 'line';
  /** `--qc-chart-<color>` in quality.css: the canvas and the legend read the same colour. At most two bar series. */
  color: 'blue' | 'green' | 'red';
  /** How this series reads in the table, when not as the chart's axis does. */
  format?: (value: number) => string;
}

export interface ChartFigureProps {
  title: string;
  testId: string;
  xLabels: readonly string[];
  /** The table's heading for the x column. */
  xTitle: string;
  series: readonly ChartSeries[];
  format?: (value: number) => string;
  /** The y axis starts at 0 and reaches at least this. */
  yMin?: number;
  /** The table's own test id (kept from the tables these charts replaced). */
  tableTestId?: string;
  /** Words of the table switch, in the page's language. */
  words: { asTable: string; asChart: string; empty: string };
}

const plain = (value: number) => String(Math.round(value * 10) / 10);

/**
 * Central's charts, drawn with uPlot like the office dashboard's (the same library, ~20 KB gzipped),
 * each with its numbers one click away: «Таблица» shows the same series as a table, which is also
 * what a screen reader and a test read.
 */
export function ChartFigure(props: ChartFigureProps) {
  const [asTable, setAsTable] = useState(false);
  const format = props.format ?? plain;
  const empty = props.xLabels.length === 0;
  return (
    <figure className="qc-chart" data-testid={props.testId}>
      <figcaption className="qc-chart__head">
        <span className="qc-chart__title">{props.title}</span>
        {!empty && (
          <button type="button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} data-testid={`${props.testId}-switch`}>
            {asTable ? props.words.asChart : props.words.asTable}
          </button>
        )}
      </figcaption>
      {empty ? (
        <p>{props.words.empty}</p>
      ) : asTable ? (
        <ChartTable {...props} format={format} />
      ) : (
        <>
          <UPlotChart {...props} format={format} />
          <p className="qc-chart__legend" aria-hidden="true">
            {props.series.map((s) => (
              <span key={s.label} className={`qc-chart__key qc-chart__key--${s.color}`}>
                {s.label}
              </span>
            ))}
          </p>
        </>
      )}
    </figure>
  );
}

function ChartTable({ xLabels, xTitle, series, format, tableTestId }: ChartFigureProps & { format: (v: number) => string }) {
  return (
    <table data-testid={tableTestId}>
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
          <tr key={`${x}-${i}`}>
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

function cssColor(element: HTMLElement, name: string): string {
  return getComputedStyle(element).getPropertyValue(`--qc-chart-${name}`).trim() || '#0b5394';
}

function UPlotChart({ title, xLabels, series, format, yMin = 1 }: ChartFigureProps & { format: (v: number) => string }) {
  const box = useRef<HTMLDivElement>(null);
  const height = 220;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const bars = series.filter((s) => s.kind === 'bars');
    const barWidth = bars.length > 1 ? 0.4 : 0.6;
    let barIndex = 0;
    const top = Math.max(yMin, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
    const data: uPlot.AlignedData = [xLabels.map((_, i) => i), ...series.map((s) => s.values.map((v) => v ?? null))];
    const chart = new uPlot(
      {
        width: Math.max(element.clientWidth, 240),
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false, range: [-0.5, xLabels.length - 0.5] }, y: { range: [0, top * 1.1] } },
        axes: [
          { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (xLabels[i] ?? '') : '')), incrs: [1, 2, 5, 7, 10, 14, 30], grid: { show: false } },
          { values: (_u, splits) => splits.map((v) => format(v)), size: 56 },
        ],
        series: [
          {},
          ...series.map((s): uPlot.Series => {
            const stroke = cssColor(element, s.color);
            if (s.kind === 'line') return { label: s.label, stroke, width: 2, points: { show: true, size: 5 } };
            // Two bar series side by side: the first left of its slot's middle, the second right.
            const align = bars.length === 2 ? (barIndex++ === 0 ? -1 : 1) : 0;
            return { label: s.label, stroke, fill: stroke, paths: uPlot.paths.bars!({ size: [barWidth, 60], align }), points: { show: false } };
          }),
        ],
      },
      data,
      element,
    );
    chart.root.setAttribute('role', 'img');
    chart.root.setAttribute('aria-label', title);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 240), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [title, xLabels, series, format, yMin]);
  return <div ref={box} className="qc-chart__canvas" />;
}
