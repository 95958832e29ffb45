/**
 * Which pages may open a Socket.IO connection here. Programs that are not browsers (an office
 * server, a device agent, a test client) send no Origin; a browser page may connect from this
 * server's own host or from an origin the config lists. Any other site's page is refused, so it
 * cannot ride a visitor's or an operator's browser.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
