import type { TicketLanguage } from './printable-ticket.js';

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * When a ticket was issued, on the office's wall clock: '05.03.2025 10:07' in Russian,
 * '5 Mar 2025 10:07' in English. Assembled from numeric parts rather than a locale's format,
 * whose spaces and commas change between ICU versions and would break golden files.
 */
export function formatIssuedAt(issuedAt: Date, timeZone: string, language: TicketLanguage): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(issuedAt);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const [year, month, day, hour, minute] = [part('year'), part('month'), part('day'), part('hour'), part('minute')];
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(hour)}:${two(minute)}`;
  if (language === 'ru') return `${two(day)}.${two(month)}.${year} ${time}`;
  return `${day} ${ENGLISH_MONTHS[month - 1] ?? '?'} ${year} ${time}`;
}
