import { phoneTokenKeyFromOfficeKey, verifyPhoneToken } from '@talon/server-edge';
import { describe, expect, it } from 'vitest';
import { phonePageUrlOf } from './phone-page-url.js';

const central = { centralUrl: 'http://10.1.2.3:8090/', officeKey: 'office-key-1' };

describe('the QR of a linked office opens the ticket on central', () => {
  it('signs the office, ticket and day under the office key, on the public URL when there is one', () => {
    const url = phonePageUrlOf(() => ({ id: 'north', centralPublicUrl: 'https://queue.example.ru' }), central)({ id: 't_5g2k', officeDay: '2026-11-24' })!;
    expect(url).toMatch(/^https:\/\/queue\.example\.ru\/p\/[\x21-\x7e]+$/);
    const token = url.split('/p/')[1]!;
    expect(verifyPhoneToken(token, phoneTokenKeyFromOfficeKey('office-key-1'))).toEqual({ officeId: 'north', ticketId: 't_5g2k', officeDay: '2026-11-24' });
    expect(verifyPhoneToken(token, phoneTokenKeyFromOfficeKey('another-key'))).toBeUndefined();
  });
  it("uses the link's URL without a public one, and gives up on ids a token cannot carry", () => {
    expect(phonePageUrlOf(() => ({ id: 'north' }), central)({ id: 't_1', officeDay: '2026-11-24' })).toMatch(/^http:\/\/10\.1\.2\.3:8090\/p\/north\.t_1\.20261124\./);
    expect(phonePageUrlOf(() => ({ id: 'north.east' }), central)({ id: 't_1', officeDay: '2026-11-24' })).toBeUndefined();
  });
});
