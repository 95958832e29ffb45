import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Role } from './shell-config.js';

/** The setup page is not a role: a normal window the installer can move and close. */
export type WindowKind = Role | 'setup';

export const ROLE_ARGUMENT = '--talon-role=';

/** Electron's security checklist, the same for every window: the page gets nothing of Node. */
function securePreferences(kind: WindowKind, preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
    zoomFactor: 1,
    // The sandboxed preload reads the role from its argv: no synchronous IPC at page start.
    additionalArguments: [`${ROLE_ARGUMENT}${kind}`],
  };
}

export function windowOptions(kind: WindowKind, preloadPath: string): BrowserWindowConstructorOptions {
  const webPreferences = securePreferences(kind, preloadPath);
  const common = { show: false, backgroundColor: '#ffffff', title: 'Talon', autoHideMenuBar: true };
  switch (kind) {
    case 'kiosk':
      // A visitor's touch screen: nothing to leave by, nothing to move, nothing above it.
      return {
        ...common,
        kiosk: true,
        fullscreen: true,
        frame: false,
        closable: false,
        minimizable: false,
        maximizable: false,
        resizable: false,
        movable: false,
        alwaysOnTop: true,
        skipTaskbar: true,
        webPreferences,
      };
    case 'board':
      // A TV nobody touches; calls are spoken without a tap, and timers run when unfocused.
      return {
        ...common,
        fullscreen: true,
        frame: false,
        minimizable: false,
        movable: false,
        webPreferences: { ...webPreferences, autoplayPolicy: 'no-user-gesture-required', backgroundThrottling: false },
      };
    case 'operator':
      // The operator's own PC: full screen, but their other programs stay reachable.
      return { ...common, fullscreen: true, webPreferences };
    case 'setup':
      return { ...common, width: 900, height: 820, webPreferences };
  }
}
