import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * On every answer, page or API: scripts and styles from the server itself only, never framed
 * (click-jacking a cancel or admin button), no MIME sniffing, and no code or token leaking to
 * another site in a Referer. React sets styles through the DOM, which `style-src 'self'` allows;
 * a server-written page with one `<style>` block names it by hash (`inlineStyles`).
 */
export function securityHeaders(options: { inlineStyles?: readonly string[] } = {}): Record<string, string> {
  const styleHashes = (options.inlineStyles ?? []).map((css) => ` 'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`).join('');
  return {
    'content-security-policy':
      `default-src 'self'; script-src 'self'; style-src 'self'${styleHashes}; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}

const PLAIN = securityHeaders();

export function setSecurityHeaders(response: ServerResponse, headers: Record<string, string> = PLAIN): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}
