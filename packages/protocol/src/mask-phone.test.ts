import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask-phone.js';

describe('maskPhone', () => {
  it.each([
    ['+79161234567', '+7 *** ***-45-67'],
    ['+7 (916) 123-45-67', '+7 *** ***-45-67'],
    ['12', '***'],
    ['', ''],
    [null, ''],
  ])('%s -> %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
    if (phone && phone.length > 4) expect(masked).not.toContain('123');
  });
});
