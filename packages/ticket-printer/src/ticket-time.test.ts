import { describe, expect, it } from 'vitest';
import { formatIssuedAt } from './ticket-time.js';

describe('formatIssuedAt', () => {
  it.each<[string, string, string, 'ru' | 'en', string]>([
    ['Moscow, UTC+3', '2025-03-05T07:07:00Z', 'Europe/Moscow', 'ru', '05.03.2025 10:07'],
    ['Yekaterinburg, UTC+5', '2025-03-05T07:07:00Z', 'Asia/Yekaterinburg', 'ru', '05.03.2025 12:07'],
    ['Kaliningrad, UTC+2', '2025-03-05T07:07:00Z', 'Europe/Kaliningrad', 'ru', '05.03.2025 09:07'],
    ['the office date, not the UTC date', '2025-12-31T22:30:00Z', 'Europe/Moscow', 'ru', '01.01.2026 01:30'],
    ['Vladivostok next morning', '2025-06-30T20:05:00Z', 'Asia/Vladivostok', 'ru', '01.07.2025 06:05'],
    ['midnight as 00, not 24', '2025-03-04T21:00:00Z', 'Europe/Moscow', 'ru', '05.03.2025 00:00'],
    ['English with a month name', '2025-03-05T07:07:00Z', 'Europe/Moscow', 'en', '5 Mar 2025 10:07'],
    ['English across a year end', '2025-12-31T22:30:00Z', 'Europe/Moscow', 'en', '1 Jan 2026 01:30'],
  ])('%s', (_name, iso, zone, language, expected) => {
    expect(formatIssuedAt(new Date(iso), zone, language)).toBe(expected);
  });
});
