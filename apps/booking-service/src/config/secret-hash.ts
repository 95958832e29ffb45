import { createHash, timingSafeEqual } from 'node:crypto';

/** Office keys and report tokens are kept as sha256 hashes: a leaked config opens nothing. */
export function hashSecret(secret: string): string {
  return `sha256$${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
