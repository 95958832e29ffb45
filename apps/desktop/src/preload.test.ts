import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { IPC } from './ipc-channels.js';
import { ROLE_ARGUMENT } from './window-options.js';

// The preload runs as a CommonJS script in Electron's sandbox, where `require` knows Electron's
// module and nothing of ours. Run it the same way: compiled as tsc compiles it, with a require
// that hands out a stubbed electron and fails the test on anything else.
type PreloadModule = typeof import('./preload.cjs');

function runPreload(electron: unknown, argv: string[]): { exports: PreloadModule; required: string[] } {
  const source = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron' && electron) return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} as PreloadModule };
  new Function('require', 'module', 'exports', 'process', outputText)(sandboxRequire, module, module.exports, { argv });
  return { exports: module.exports, required };
}

const preload = runPreload(undefined, []).exports;

function fakeIpc() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
  };
}

describe('preload', () => {
  it('uses the same channel names and role argument as the main process', () => {
    expect(preload.PRELOAD_CHANNELS).toEqual(IPC);
    expect(preload.PRELOAD_ROLE_ARGUMENT).toBe(ROLE_ARGUMENT);
  });

  it('requires nothing but electron, so it can run sandboxed', () => {
    const bridge = { exposeInMainWorld: vi.fn() };
    expect(runPreload({ contextBridge: bridge, ipcRenderer: fakeIpc() }, []).required).toEqual(['electron']);
  });

  it('exposes exactly role, status, onStatus and setup as window.talon, and nothing of ipc', () => {
    const bridge = { exposeInMainWorld: vi.fn() };
    runPreload({ contextBridge: bridge, ipcRenderer: fakeIpc() }, ['electron', '--talon-role=kiosk']);
    expect(bridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = bridge.exposeInMainWorld.mock.calls[0]!;
    expect(name).toBe('talon');
    expect(Object.keys(api).sort()).toEqual(['onStatus', 'role', 'setup', 'status']);
    expect(Object.keys(api.setup).sort()).toEqual(['load', 'save']);
    expect(api.role).toBe('kiosk');
    // Only plain data and functions cross the bridge: no object with methods of Electron's.
    for (const value of [api.status, api.onStatus, api.setup.load, api.setup.save]) expect(typeof value).toBe('function');
  });

  it('reads no role when the window was given none', () => {
    expect(preload.createTalonApi(fakeIpc(), ['electron']).role).toBeUndefined();
  });

  it('asks the main process over the named channels', async () => {
    const ipc = fakeIpc();
    const api = preload.createTalonApi(ipc, []);
    await expect(api.status()).resolves.toEqual({ channel: IPC.statusGet, args: [] });
    await expect(api.setup.load()).resolves.toEqual({ channel: IPC.setupLoad, args: [] });
    const draft = { role: 'kiosk', serverUrl: 'http://a', screenToken: '', agentToken: '', printers: '', buttons: '' };
    await expect(api.setup.save(draft)).resolves.toEqual({ channel: IPC.setupSave, args: [draft] });
  });

  it('passes status pushes to the listener without the IPC event, and stops when asked', () => {
    const ipc = fakeIpc();
    const api = preload.createTalonApi(ipc, []);
    const seen: unknown[] = [];
    const stop = api.onStatus((status) => seen.push(status));
    const status = { role: 'kiosk', agent: null };
    for (const listener of ipc.listeners.get(IPC.statusPush)!) listener({ sender: 'secret' }, status);
    expect(seen).toEqual([status]);
    stop();
    expect(ipc.listeners.get(IPC.statusPush)!.size).toBe(0);
  });
});
