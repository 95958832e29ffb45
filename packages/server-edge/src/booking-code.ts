import { randomInt } from 'node:crypto';

/**
 * A booking code as both servers hand it out: digits only (a kiosk keypad has no letters), each one
 * uniform (`randomInt`, not a byte modulo 10, which favours 0-5). The length is the protocol's
 * `BOOKING_CODE_DIGITS`, passed in so this package stays free of the protocol.
 */
export function newBookingCode(digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i += 1) out += String(randomInt(10));
  return out;
}
