import { createHmac } from 'node:crypto';

/**
 * The account number's stand-in for counting repeat visits: an HMAC-SHA256 with the office's
 * secret (config `quality.accountKeySecret`). Without the secret the key cannot be turned back into
 * the number by trying all numbers (an account number has few digits, so a plain hash could).
 * Spaces and dashes typed at the kiosk do not make a different key.
 * Without a secret the office keeps no key and counts no repeats.
 */
export function accountKeyer(secret: string | undefined): (accountNumber: string) => string | undefined {
  if (!secret) return () => undefined;
  return (accountNumber) => {
    const normalised = accountNumber.replace(/[\s-]/g, '');
    if (!normalised) return undefined;
    return createHmac('sha256', secret).update(normalised).digest('base64url');
  };
}
