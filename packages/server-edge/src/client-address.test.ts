import { describe, expect, it } from 'vitest';
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
