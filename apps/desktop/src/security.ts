import type { Session, WebContents } from 'electron';
import type { Logger } from 'pino';
import { isTrustedUrl } from './trusted-url.js';

/**
 * Electron's security checklist for every page the shell ever creates: navigation and redirects
 * only within the office server, no new windows, no <webview>. Pages the shell writes itself
 * (offline, setup) are loaded by the main process, which these guards do not stop.
 */
export function guardContents(contents: WebContents, serverOrigin: () => string | undefined, logger: Logger): void {
  const refuseUntrusted = (event: { preventDefault(): void }, url: string) => {
    const origin = serverOrigin();
    if (origin !== undefined && isTrustedUrl(url, origin)) return;
    event.preventDefault();
    logger.warn({ url }, 'navigation outside the office server refused');
  };
  contents.on('will-navigate', refuseUntrusted);
  contents.on('will-redirect', refuseUntrusted);
  // will-navigate sees the main frame only; an iframe stays within the office server too.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame) refuseUntrusted(details, details.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn({ url }, 'new window refused');
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, USB, serial or anything else for a web page. */
export function denyPermissions(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn({ permission }, 'permission request refused');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
