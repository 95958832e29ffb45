import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Device tokens are long random strings, so a fast hash is enough; only the hash is stored. */
export function hashDeviceToken(token: string): string {
  return `sha256$${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}

export function newDeviceToken(): string {
  return randomBytes(24).toString('base64url');
}

export function deviceTokenMatches(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashDeviceToken(token));
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
