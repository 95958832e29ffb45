import { describe, expect, it } from 'vitest';
import { ROLE_ARGUMENT, windowOptions, type WindowKind } from './window-options.js';

const PRELOAD = '/app/dist/preload.cjs';
const KINDS: WindowKind[] = ['kiosk', 'operator', 'board', 'setup'];

describe('window options', () => {
  it.each(KINDS)('%s: the page gets no Node, a sandbox, isolation, no webview, no devtools, its role', (kind) => {
    expect(windowOptions(kind, PRELOAD).webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
      zoomFactor: 1,
      additionalArguments: [`${ROLE_ARGUMENT}${kind}`],
    });
  });

  it.each([
    ['kiosk', { kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false, movable: false, resizable: false, alwaysOnTop: true }],
    ['board', { kiosk: undefined, fullscreen: true, frame: false, minimizable: false }],
    ['operator', { kiosk: undefined, fullscreen: true, frame: undefined, closable: undefined }],
    ['setup', { kiosk: undefined, fullscreen: undefined, width: 900 }],
  ] as const)('%s window', (kind, expected) => {
    const options = windowOptions(kind, PRELOAD);
    for (const [key, value] of Object.entries(expected)) expect(options[key as keyof typeof options], key).toBe(value);
    expect(options.show).toBe(false);
    expect(options.autoHideMenuBar).toBe(true);
  });

  it('lets only the board speak without a tap, and keeps its timers running', () => {
    expect(windowOptions('board', PRELOAD).webPreferences).toMatchObject({ autoplayPolicy: 'no-user-gesture-required', backgroundThrottling: false });
    for (const kind of ['kiosk', 'operator', 'setup'] as const) expect(windowOptions(kind, PRELOAD).webPreferences?.autoplayPolicy).toBeUndefined();
  });
});
