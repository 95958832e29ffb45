import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random, URL-safe, short enough for a QR code on a 58 mm ticket: `t_5g2k...`. */
export function newId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let out = `${prefix}_`;
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}
