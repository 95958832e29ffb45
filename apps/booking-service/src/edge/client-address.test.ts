import { describe, expect, it } from 'vitest';
import { createAddressAttempts } from './address-attempts.js';
import { clientAddress } from './client-address.js';

describe('clientAddress', () => {
  it('takes X-Forwarded-For only from a trusted proxy, right-most untrusted hop first', () => {
    expect(clientAddress('::ffff:10.0.0.5', '1.2.3.4', [])).toBe('10.0.0.5');
    expect(clientAddress('127.0.0.1', '1.2.3.4', ['127.0.0.1'])).toBe('1.2.3.4');
    // A client writing its own header cannot pick the address its guesses count against.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 1.2.3.4', ['127.0.0.1'])).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', '1.2.3.4, 10.0.0.2', ['127.0.0.1', '10.0.0.2'])).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', undefined, ['127.0.0.1'])).toBe('127.0.0.1');
  });
});

describe('createAddressAttempts', () => {
  it('blocks an address at its limit until the window passes, and never holds more than maxTracked addresses', () => {
    let now = 0;
    const attempts = createAddressAttempts({ max: 3, windowMs: 1000, maxTracked: 100, now: () => now });
    expect([attempts.fail('a'), attempts.fail('a'), attempts.fail('a')]).toEqual([false, false, true]);
    expect(attempts.blocked('a')).toBe(true);
    expect(attempts.blocked('b')).toBe(false);
    now = 1000;
    expect(attempts.blocked('a')).toBe(false);
    for (let i = 0; i < 10_000; i += 1) attempts.fail(`10.0.${i >> 8}.${i & 255}`);
    expect(attempts.size).toBe(100);
  });
});
