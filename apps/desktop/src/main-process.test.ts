import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_FILE_NAME } from './config-file.js';
import { IPC } from './ipc-channels.js';
import { startMainProcess, STOP_TIMEOUT_MS, type MainProcessOptions } from './main-process.js';
import { RELAUNCH_DELAY_MS } from './setup-mode.js';
import { fakeAgentFactory } from './testing/fake-agent.js';
import { FakeBrowserWindow, resetFakeElectron, type fake as Fake } from './testing/fake-electron.js';

vi.mock('electron', async () => (await import('./testing/fake-electron.js')).electronModule);

const SERVER = 'http://192.168.10.5:8080';
const KIOSK = { role: 'kiosk', serverUrl: SERVER, screenToken: 'demo-kiosk-1', agentToken: 'demo-agent-1', printerUri: { 'printer-1': '/dev/usb/lp0' } };

let electron: typeof Fake;
let folder: string;

beforeEach(async () => {
  electron = resetFakeElectron();
  folder = await mkdtemp(join(tmpdir(), 'talon-desktop-'));
  electron.app.userData = folder;
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(folder, { recursive: true, force: true });
});

async function start(config: unknown, extra: Partial<MainProcessOptions> = {}) {
  if (config !== undefined) await writeFile(join(folder, CONFIG_FILE_NAME), JSON.stringify(config));
  const agents = fakeAgentFactory();
  const started = await startMainProcess({
    preloadPath: '/opt/talon/resources/app.asar/dist/preload.cjs',
    argv: ['/opt/talon/talon-desktop'],
    logger: pino({ level: 'silent' }),
    createAgent: agents.create,
    probe: async () => true,
    ...extra,
  });
  return { started, agents, windows: FakeBrowserWindow.instances };
}

function invoke(channel: string, sender: unknown, ...args: unknown[]) {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender }, ...args);
}

describe('main process: a configured kiosk', () => {
  it('opens one kiosk-mode window on the kiosk screen of the office server, with no menu', async () => {
    const { started, windows } = await start(KIOSK);
    expect(started.mode).toBe('role');
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window!.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window!.menuRemoved).toBe(true);
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('disable-pinch');
    await vi.waitFor(() => expect(window!.shown).toBe(true));
    expect(window!.webContents.loads).toEqual([`${SERVER}/kiosk#pair=demo-kiosk-1`]);
  });

  it('keeps pages on the office server and denies new windows and permissions', async () => {
    const { windows } = await start(KIOSK);
    const contents = windows[0]!.webContents;
    expect(contents.fire('will-navigate', `${SERVER}/kiosk?token=demo-kiosk-1&lang=en`).prevented).toBe(false);
    expect(contents.fire('will-navigate', 'https://example.com/').prevented).toBe(true);
    expect(contents.fire('will-redirect', 'http://192.168.10.5:9090/').prevented).toBe(true);
    expect(contents.fire('will-attach-webview').prevented).toBe(true);
    const frameNavigation = (url: string, isMainFrame: boolean) => {
      let prevented = false;
      contents.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(frameNavigation('https://example.com/ad', false)).toBe(true);
    expect(frameNavigation(`${SERVER}/board?token=demo-board-1`, false)).toBe(false);
    expect(contents.windowOpenHandler!({ url: `${SERVER}/board` })).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    electron.permissionRequest!(contents, 'media', (granted) => answers.push(granted), {});
    electron.permissionRequest!(contents, 'notifications', (granted) => answers.push(granted), {});
    expect(answers).toEqual([false, false]);
    expect(electron.permissionCheck!(contents, 'serial', SERVER)).toBe(false);
  });

  it('swallows zoom and close keys, and will not close until the app quits', async () => {
    const { windows } = await start(KIOSK);
    const window = windows[0]!;
    const key = (key: string, modifiers: Partial<Record<'control' | 'alt' | 'shift' | 'meta', boolean>> = {}) =>
      window.webContents.fire('before-input-event', { type: 'keyDown', key, code: '', control: false, alt: false, shift: false, meta: false, ...modifiers }).prevented;
    expect(key('=', { control: true })).toBe(true);
    expect(key('F4', { alt: true })).toBe(true);
    expect(key('5')).toBe(false);
    expect(window.fire('close').prevented).toBe(true);
    electron.app.emit('before-quit', { preventDefault() {} });
    expect(window.fire('close').prevented).toBe(false);
  });

  it('runs the device agent from the config and passes its status to the page, never the token', async () => {
    const { agents, windows } = await start(KIOSK);
    expect(agents.agents).toHaveLength(1);
    const agent = agents.agents[0]!;
    expect(agent.started).toBe(1);
    expect(agent.options).toMatchObject({ serverUrl: SERVER, token: 'demo-agent-1', localPaths: { printerUri: { 'printer-1': '/dev/usb/lp0' } } });
    const contents = windows[0]!.webContents;
    const online = { link: 'online' as const, printers: [{ printerId: 'printer-1', kioskId: 'kiosk-1', uri: '/dev/usb/lp0', profile: 'generic-80mm', status: 'ok' as const }], buttons: [] };
    agent.report(online);
    expect(contents.sent).toEqual([{ channel: IPC.statusPush, args: [{ role: 'kiosk', agent: online }] }]);
    expect(await invoke(IPC.statusGet, contents)).toEqual({ role: 'kiosk', agent: online });
    expect(JSON.stringify(contents.sent)).not.toContain('demo-agent-1');
    // Another page (none exists, but if one did) learns nothing.
    expect(await invoke(IPC.statusGet, {})).toBeUndefined();
  });

  it('holds the quit until the agent has stopped, then quits', async () => {
    const { agents } = await start(KIOSK);
    const agent = agents.agents[0]!;
    let finishStop: () => void = () => undefined;
    agent.stop = () =>
      new Promise<void>((resolve) => {
        finishStop = () => {
          agent.stopped += 1;
          resolve();
        };
      });
    const quit = () => {
      let prevented = false;
      electron.app.emit('before-quit', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(quit()).toBe(true);
    expect(quit()).toBe(true);
    expect(electron.app.quit).not.toHaveBeenCalled();
    finishStop();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(agent.stopped).toBe(1);
    expect(quit()).toBe(false);
  });

  it('quits after a few seconds even when the agent does not stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { agents } = await start(KIOSK);
    agents.agents[0]!.stop = () => new Promise<void>(() => undefined);
    electron.app.emit('before-quit', { preventDefault() {} });
    await vi.advanceTimersByTimeAsync(STOP_TIMEOUT_MS - 1);
    expect(electron.app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('runs no agent on a PC given no agent token', async () => {
    const { agents, windows } = await start({ role: 'board', serverUrl: SERVER, screenToken: 'demo-board-1' });
    expect(agents.agents).toHaveLength(0);
    expect(windows[0]!.options.kiosk).toBeUndefined();
    expect(await invoke(IPC.statusGet, windows[0]!.webContents)).toEqual({ role: 'board', agent: null });
  });
});

describe('main process: the office server away', () => {
  it('shows «нет связи с сервером», and the screen once the server answers again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let serverUp = false;
    electron.loadAnswer = async (url) => {
      if (url.startsWith(SERVER) && !serverUp) throw new Error('ERR_CONNECTION_REFUSED (-102)');
    };
    const { windows } = await start(KIOSK, { probe: async () => serverUp });
    const contents = windows[0]!.webContents;
    await vi.waitFor(() => expect(contents.loads).toHaveLength(2));
    expect(decodeURIComponent(contents.loads[1]!)).toContain('Нет связи с сервером');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(contents.loads).toHaveLength(3);
    serverUp = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(contents.loads.at(-1)).toBe(`${SERVER}/kiosk#pair=demo-kiosk-1`);
  });

  it('reloads the screen after its renderer crashed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { windows } = await start(KIOSK);
    const contents = windows[0]!.webContents;
    await vi.waitFor(() => expect(contents.loads).toHaveLength(1));
    contents.fire('render-process-gone', { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(500);
    expect(contents.loads).toEqual([`${SERVER}/kiosk#pair=demo-kiosk-1`, `${SERVER}/kiosk#pair=demo-kiosk-1`]);
  });

  it('kills and reloads a hung renderer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { windows } = await start(KIOSK);
    const window = windows[0]!;
    await vi.waitFor(() => expect(window.webContents.loads).toHaveLength(1));
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(15_000 + 500);
    expect(window.webContents.crashed).toBe(1);
    expect(window.webContents.loads).toHaveLength(2);
  });
});

describe('main process: first run', () => {
  it('opens the setup form in a normal window when there is no config, and saves only a good one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { started, windows, agents } = await start(undefined, { argv: ['/opt/talon/talon-desktop', '--setup', '--no-sandbox'] });
    expect(started.mode).toBe('setup');
    expect(agents.agents).toHaveLength(0);
    const window = windows[0]!;
    expect(window.options.kiosk).toBeUndefined();
    expect(window.options.fullscreen).toBeUndefined();
    expect(decodeURIComponent(window.webContents.loads[0]!)).toContain('Настройка терминала Talon');
    const contents = window.webContents;
    expect(await invoke(IPC.setupLoad, contents)).toMatchObject({ draft: { role: 'kiosk', serverUrl: '' }, issues: [] });

    const bad = { role: 'kiosk', serverUrl: 'office.local', screenToken: '', agentToken: '', printers: 'printer-1 = /dev/usb/lp0', buttons: '' };
    const refused = (await invoke(IPC.setupSave, contents, bad)) as { ok: false; issues: { field: string }[] };
    expect(refused.ok).toBe(false);
    expect(refused.issues.map((issue) => issue.field).sort()).toEqual(['agentToken', 'screenToken', 'serverUrl']);
    await expect(stat(join(folder, CONFIG_FILE_NAME))).rejects.toThrow();

    const good = { ...bad, serverUrl: `${SERVER}/`, screenToken: 'demo-kiosk-1', agentToken: 'demo-agent-1' };
    expect(await invoke(IPC.setupSave, contents, good)).toEqual({ ok: true });
    const saved = JSON.parse(await readFile(join(folder, CONFIG_FILE_NAME), 'utf8'));
    expect(saved).toEqual({ ...KIOSK, buttonPath: {}, language: 'ru' });
    expect((await stat(join(folder, CONFIG_FILE_NAME))).mode & 0o777).toBe(0o600);

    expect(electron.app.relaunch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(RELAUNCH_DELAY_MS);
    expect(electron.app.relaunch).toHaveBeenCalledWith({ args: ['--no-sandbox'] });
    expect(electron.app.exit).toHaveBeenCalledWith(0);
  });

  it('opens setup with the reasons when the saved config is refused, and answers no other page', async () => {
    const { started, windows } = await start({ ...KIOSK, serverUrl: 'ftp://office' });
    expect(started.mode).toBe('setup');
    const view = (await invoke(IPC.setupLoad, windows[0]!.webContents)) as { issues: { field: string; message: string }[] };
    expect(view.issues).toEqual([{ field: 'serverUrl', message: 'desktop.setup.error.serverUrl' }]);
    expect(await invoke(IPC.setupLoad, {})).toBeUndefined();
    expect(await invoke(IPC.setupSave, {}, {})).toMatchObject({ ok: false });
  });

  it('with --setup reopens the form filled from the saved config', async () => {
    const { started, windows } = await start(KIOSK, { argv: ['/opt/talon/talon-desktop', '--setup'] });
    expect(started.mode).toBe('setup');
    expect(await invoke(IPC.setupLoad, windows[0]!.webContents)).toMatchObject({
      draft: { role: 'kiosk', serverUrl: SERVER, screenToken: 'demo-kiosk-1', agentToken: 'demo-agent-1', printers: 'printer-1 = /dev/usb/lp0', buttons: '' },
    });
  });

  it('a second copy quits at once and opens nothing', async () => {
    electron.app.singleInstance = false;
    const { started, windows } = await start(KIOSK);
    expect(started.mode).toBe('second-instance');
    expect(electron.app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });
});
