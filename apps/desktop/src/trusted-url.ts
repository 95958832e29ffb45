/**
 * May a page in the shell go to `url`? Only to the office server it was set up with: same scheme,
 * host and port. Everything else (another host, a look-alike with credentials, file:, data:,
 * javascript:, a plain-http downgrade of an https server) is refused.
 */
export function isTrustedUrl(url: string, serverOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.origin === serverOrigin;
}
