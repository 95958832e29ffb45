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
