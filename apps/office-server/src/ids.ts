import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random, URL-safe, short enough for a QR code on a 58 mm ticket: `t_5g2k...`. */
export function newId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let out = `${prefix}_`;
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** Booking codes are typed on a kiosk keypad: digits only, no look-alikes to confuse. */
export function newBookingCode(length = 6): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += String(byte % 10);
  return out;
}
