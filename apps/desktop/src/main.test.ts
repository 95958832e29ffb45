import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', async () => (await import('./testing/fake-electron.js')).electronModule);

const installed = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
afterEach(() => {
  // main.ts installs exit-on-crash handlers, which must not outlive the test in the runner.
  for (const listener of process.listeners('uncaughtException')) if (!installed.uncaught.includes(listener)) process.off('uncaughtException', listener);
  for (const listener of process.listeners('unhandledRejection')) if (!installed.rejection.includes(listener)) process.off('unhandledRejection', listener);
});

describe('main.ts', () => {
  it('finishes loading before the app is ready, as Electron needs to emit ready at all', async () => {
    const electron = resetFakeElectron();
    // Ready never comes: if main.ts awaited it at the top level, this import would never settle.
    electron.app.whenReady.mockReturnValue(new Promise<void>(() => undefined));
    const loaded = import('./main.js').then(() => 'loaded');
    const stuck = new Promise((resolve) => setTimeout(() => resolve('stuck'), 2_000));
    expect(await Promise.race([loaded, stuck])).toBe('loaded');
    // What must happen before ready did happen during the load.
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('disable-pinch');
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
  });
});
