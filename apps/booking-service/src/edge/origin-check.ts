/**
 * Which pages may open a Socket.IO connection here. Office servers send no Origin (they are not
 * browsers); a browser page may connect from central's own host or from an origin the config lists
 * in `booking.allowedOrigins`. Any other site's page is refused, so it cannot ride a visitor's browser.
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
