import { describe, expect, it } from 'vitest';
import { bookingCodeParam } from './booking-api.js';
import { BOOKING_CODE_DIGITS, bookingCodeField } from './fields.js';

/** Issue 17: one code, wherever it was made, works in every place a visitor types it. */
describe('booking codes', () => {
  const office = '048213907766'; // as the office's booking desk makes them
  const online = '913300471285'; // as central makes them
  it('have 12 digits at the office and on-line, and both pass the kiosk and the on-line look-up and cancel', () => {
    expect(BOOKING_CODE_DIGITS).toBe(12);
    for (const code of [office, online]) {
      expect(bookingCodeField.parse(code)).toBe(code);
      expect(bookingCodeParam.parse(code)).toBe(code);
      expect(bookingCodeParam.parse(`${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}`)).toBe(code);
    }
  });
  it('still take the codes handed out before, 6 digits at the office and 8 on-line, in both places', () => {
    for (const code of ['123456', '12345678']) {
      expect(bookingCodeField.parse(code)).toBe(code);
      expect(bookingCodeParam.parse(code)).toBe(code);
    }
  });
  it('refuse anything else on-line', () => {
    for (const code of ['1234567', '1234567890123', '12345678901', 'abcdefghijkl', '']) expect(bookingCodeParam.safeParse(code).success).toBe(false);
  });
});
