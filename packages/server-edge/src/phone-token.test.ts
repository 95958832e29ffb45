import { describe, expect, it } from 'vitest';
import { phoneTokenKeyFromOfficeKey, phoneTokenOffice, signPhoneToken, verifyPhoneToken } from './phone-token.js';

const key = phoneTokenKeyFromOfficeKey('north-office-key-0002');
const ref = { officeId: 'north', ticketId: 't_01J9ABC', officeDay: '2026-11-24' };

describe('phone token', () => {
  it('round-trips, is ASCII and names its office before it is checked', () => {
    const token = signPhoneToken(ref, key);
    expect(token).toMatch(/^[\x21-\x7e]+$/);
    expect(phoneTokenOffice(token)).toBe('north');
    expect(verifyPhoneToken(token, key)).toEqual(ref);
  });

  it('refuses a forged, altered or foreign-key token', () => {
    const token = signPhoneToken(ref, key);
    const [o, , d, s] = token.split('.');
    expect(verifyPhoneToken(`${o}.t_other.${d}.${s}`, key)).toBeUndefined();
    expect(verifyPhoneToken(`${o}.t_01J9ABC.20261125.${s}`, key)).toBeUndefined();
    expect(verifyPhoneToken(token, phoneTokenKeyFromOfficeKey('south-office-key-0003'))).toBeUndefined();
    expect(verifyPhoneToken(`${token}x`, key)).toBeUndefined();
    expect(verifyPhoneToken('north.t.20261124', key)).toBeUndefined();
    expect(verifyPhoneToken('a'.repeat(300), key)).toBeUndefined();
  });

  it('signs with the key hash central holds (hashSecret of the office key)', () => {
    expect(key).toMatch(/^sha256\$[0-9a-f]{64}$/);
  });
});
