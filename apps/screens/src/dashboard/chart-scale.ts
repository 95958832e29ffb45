/**
 * Scales for the ratings panel's small SVG bars, and the hour span the uPlot charts share
 * (charts/ChartFigure.tsx draws the charts themselves).
 */

/** The top of an axis: a round number at or above `value` (1, 2, 5 times a power of ten), at least `floor`. */
export function niceMax(value: number, floor = 1): number {
  const target = Math.max(value, floor);
  const power = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= target) return step * power;
  }
  return 10 * power;
}

/** Evenly spaced ticks from 0 to `max`, whole numbers only (minutes and visitors are whole). */
export function ticks(max: number, most = 5): number[] {
  const step = Math.max(1, niceStep(max / most));
  const result: number[] = [];
  for (let value = 0; value <= max + 1e-9; value += step) result.push(value);
  return result;
}

function niceStep(rough: number): number {
  if (rough <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= rough) return step * power;
  }
  return 10 * power;
}

/** Maps 0..max onto a pixel range; SVG's y grows downward, so a y scale is given (bottom, top). */
export function linearScale(max: number, from: number, to: number): (value: number) => number {
  const span = max > 0 ? max : 1;
  return (value) => from + ((Math.min(Math.max(value, 0), span) / span) * (to - from));
}

/**
 * The hours a chart spans: the office's hours today (`from` up to, not including, `to`) and any
 * hour with data outside them (tickets issued before opening), every hour between included, so a
 * quiet hour shows as a gap rather than vanishing and the morning is there before it happens.
 */
export function hourSpan(hours: readonly number[], open?: { from: number; to: number }): number[] {
  const all = open && open.to > open.from ? [...hours, open.from, open.to - 1] : [...hours];
  if (all.length === 0) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
