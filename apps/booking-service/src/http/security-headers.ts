import type { ServerResponse } from 'node:http';

/**
 * On every answer, page or API: scripts and styles from central itself only, never framed
 * (click-jacking the cancel button), no MIME sniffing, and no booking code leaking to another site
 * in a Referer. React sets styles through the DOM, which `style-src 'self'` allows; the QR is an
 * `<img>` from the same origin.
 */
const HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(HEADERS)) response.setHeader(name, value);
}
