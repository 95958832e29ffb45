import { describe, expect, it } from 'vitest';
import { accountKeyer } from './account-key.js';

describe('account key', () => {
  it('is the same for the same number however typed, and never the number itself', () => {
    const key = accountKeyer('a-secret-of-sixteen-chars');
    expect(key('1234 5678')).toBe(key('12345678'));
    expect(key('1234-5678')).toBe(key('12345678'));
    expect(key('12345678')).not.toContain('12345678');
    expect(key('12345679')).not.toBe(key('12345678'));
  });
  it('depends on the secret: another office cannot match it', () => {
    expect(accountKeyer('a-secret-of-sixteen-chars')('12345678')).not.toBe(accountKeyer('another-secret-16-chars')('12345678'));
  });
  it('no secret, no key', () => {
    expect(accountKeyer(undefined)('12345678')).toBeUndefined();
    expect(accountKeyer('a-secret-of-sixteen-chars')(' - ')).toBeUndefined();
  });
});
