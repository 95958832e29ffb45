import { addDays, weekStartOf, type QualityPeriod } from './period.js';

export type PeriodPreset = 'week' | 'month' | 'quarter';

/** Last day of a month, months counted from 0 and allowed to run past a year's ends. */
function monthSpan(year: number, month: number, months: number): QualityPeriod {
  const first = new Date(Date.UTC(year, month, 1));
  const last = new Date(Date.UTC(year, month + months, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * The Quality views' presets, the office head's and central's alike. The calendar week (Monday to Sunday), month or quarter holding the office's `today`, moved by
 * `offset` whole units (-1 is the one before). The previous period beside it is the domain's: the
 * same number of days just before.
 */
export function presetPeriod(preset: PeriodPreset, today: string, offset = 0): QualityPeriod {
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'week': {
      const monday = addDays(weekStartOf(today), offset * 7);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return monthSpan(year, month - 1 + offset, 1);
    case 'quarter':
      return monthSpan(year, Math.floor((month - 1) / 3) * 3 + offset * 3, 3);
  }
}
