import { describe, expect, it } from 'vitest';
import { dayText, isoDayOf } from './day-text.js';

describe('dates in the Russian format', () => {
  it('shows a wire date as dd.mm.yyyy', () => {
    expect(dayText('2026-12-05')).toBe('05.12.2026');
  });

  it.each([
    ['05.12.2026', '2026-12-05'],
    ['5.1.2027', '2027-01-05'],
    [' 31.12.2026 ', '2026-12-31'],
    ['30.02.2026', null],
    ['12/05/2026', null],
    ['2026-12-05', null],
  ])('reads %s as %s', (text, expected) => {
    expect(isoDayOf(text)).toBe(expected);
  });
});
