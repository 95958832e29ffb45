import { describe, expect, it } from 'vitest';
import { formatPlanShare, formatTenths, weekdayDayText } from './plan-figures.js';

describe('the plan’s figures as they read', () => {
  it.each([
    [0.94588, 'ru', '94,6 %'],
    [0.94588, 'en', '94.6 %'],
    [1, 'ru', '100,0 %'],
    [0.5, 'en', '50.0 %'],
  ] as const)('share %s in %s: %s', (share, language, text) => {
    expect(formatPlanShare(share, language)).toBe(text);
  });

  it('visitors and desks to a tenth', () => {
    expect(formatTenths(12.345, 'ru')).toBe('12,3');
    expect(formatTenths(3, 'en')).toBe('3.0');
    expect(formatTenths(0.25, 'ru')).toBe('0,3');
  });

  it('the date with its weekday', () => {
    expect(weekdayDayText('2026-12-01', 'ru')).toBe('вторник, 01.12.2026');
    expect(weekdayDayText('2026-12-01', 'en')).toBe('Tuesday, 01.12.2026');
  });
});
