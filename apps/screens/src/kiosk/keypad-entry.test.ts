import { describe, expect, it } from 'vitest';
import { ACCOUNT_NUMBER, BOOKING_CODE, eraseDigit, groupedDigits, typeDigit } from './keypad-entry.js';

describe('keypad entry', () => {
  it('adds digits up to the limit and ignores anything else', () => {
    let value = '';
    for (const key of ['1', '2', 'x', '3', '', '12']) value = typeDigit(value, key, BOOKING_CODE);
    expect(value).toBe('123');
    const full = '123456789012';
    expect(typeDigit(full, '1', BOOKING_CODE)).toBe(full);
    expect(eraseDigit('123')).toBe('12');
    expect(eraseDigit('')).toBe('');
  });

  it('is ready when the server would accept the value', () => {
    expect(BOOKING_CODE.ready('123')).toBe(false);
    expect(BOOKING_CODE.ready('123456')).toBe(true);
    expect(BOOKING_CODE.ready('12345678')).toBe(true);
    expect(BOOKING_CODE.ready('123456789012')).toBe(true);
    expect(BOOKING_CODE.ready('1234567890123')).toBe(false);
    expect(ACCOUNT_NUMBER.ready('123')).toBe(false);
    expect(ACCOUNT_NUMBER.ready('1234')).toBe(true);
    expect(ACCOUNT_NUMBER.ready('1'.repeat(24))).toBe(true);
    expect(typeDigit('1'.repeat(24), '1', ACCOUNT_NUMBER)).toHaveLength(24);
  });

  it('reads numbers back in groups', () => {
    expect(groupedDigits('')).toBe('');
    expect(groupedDigits('123456')).toBe('123 456');
    expect(groupedDigits('1234567')).toBe('123 456 7');
    expect(groupedDigits('12345678901234')).toBe('1234 5678 9012 34');
  });
});
