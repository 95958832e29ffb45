const STORAGE_KEY = 'talon.deviceToken';

/**
 * A kiosk or board is paired once by opening `/kiosk#pair=<token>` (or `/board#pair=...`): the
 * token is in the fragment, which a browser never sends to any server, in a request or in a
 * Referer. The page keeps it in the browser's storage and takes it off the address bar at once, so
 * it is not on screen for the hall to read; from then on the device holds it and `/kiosk` is enough.
 * An old `?token=` link is turned into the fragment by the server before this page loads.
 */
export function deviceToken(): string | null {
  const url = new URL(window.location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const paired = fragment.get('pair') ?? url.searchParams.get('token');
  if (paired) {
    try {
      window.localStorage.setItem(STORAGE_KEY, paired);
    } catch {
      // Private mode or a locked-down browser: the token still works for this page's life.
    }
    fragment.delete('pair');
    url.searchParams.delete('token');
    url.hash = fragment.toString();
    window.history.replaceState(null, '', url.toString());
    return paired;
  }
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
