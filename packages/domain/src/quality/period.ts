/** Office days "YYYY-MM-DD", both ends included: a week, a month, a quarter or any span. */
export interface QualityPeriod {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

/** Whole calendar days from `a` to `b` (b later gives a positive number). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function periodLength(period: QualityPeriod): number {
  return daysBetween(period.from, period.to) + 1;
}

/** The period of the same length just before: the programme compares "against the previous period". */
export function previousPeriod(period: QualityPeriod): QualityPeriod {
  const length = periodLength(period);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

export function inPeriod(day: string, period: QualityPeriod): boolean {
  return day >= period.from && day <= period.to;
}

export function daysOf(period: QualityPeriod): string[] {
  const days: string[] = [];
  for (let n = dayNumber(period.from); n <= dayNumber(period.to); n++) days.push(dayOfNumber(n));
  return days;
}

/** Monday of the day's ISO week: weekly trends are keyed by it. */
export function weekStartOf(day: string): string {
  const n = dayNumber(day);
  const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7;
  return dayOfNumber(n - weekday);
}
