/**
 * Dates as people in the office write them, «05.12.2026», whatever language the browser's own
 * date picker would use (Chromium draws `<input type="date">` in its UI locale: 12/05/2026 on an
 * English build). The wire keeps "YYYY-MM-DD".
 */
export function dayText(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDay;
}

/** «5.12.2026» or «05.12.2026» to "2026-12-05"; null when it is not a date that exists. */
export function isoDayOf(text: string): string | null {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(iso) ? iso : null;
}
