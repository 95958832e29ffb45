const STORAGE_KEY = 'talon.deviceToken';

/**
 * A kiosk or board is set up once by opening `/kiosk?token=...`; the token is kept in the browser
 * and taken off the address bar so it is not on screen for the hall to read.
 */
export function deviceToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.localStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Private mode or a locked-down browser: the token still works for this page's life.
    }
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
