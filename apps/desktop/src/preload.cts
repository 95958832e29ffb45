import type { TalonDesktopApi } from './desktop-api.js';
import type { WindowKind } from './window-options.js';

type Electron = typeof import('electron');
/** What the preload needs of ipcRenderer; Electron's own object fits it. */
interface Ipc {
  invoke(channel: string, ...args: unknown[]): Promise<any>;
  on(channel: string, listener: (event: unknown, ...args: any[]) => void): unknown;
  removeListener(channel: string, listener: (...args: any[]) => void): unknown;
}

// A sandboxed preload may require nothing of ours, so the channel names and the role argument
// are repeated here from ipc-channels.ts and window-options.ts (preload.test.ts keeps them equal).
const PRELOAD_CHANNELS = {
  statusGet: 'talon:status:get',
  statusPush: 'talon:status',
  setupLoad: 'talon:setup:load',
  setupSave: 'talon:setup:save',
} as const;
const PRELOAD_ROLE_ARGUMENT = '--talon-role=';

/** The page's whole view of the shell. Listeners get the payload only, never the IPC event. */
function createTalonApi(ipc: Ipc, argv: readonly string[]): TalonDesktopApi {
  const roleArgument = argv.find((argument) => argument.startsWith(PRELOAD_ROLE_ARGUMENT));
  const role = roleArgument?.slice(PRELOAD_ROLE_ARGUMENT.length) as WindowKind | undefined;
  return {
    role,
    status: () => ipc.invoke(PRELOAD_CHANNELS.statusGet),
    onStatus(listener) {
      const forward = (_event: unknown, status: Parameters<typeof listener>[0]) => listener(status);
      ipc.on(PRELOAD_CHANNELS.statusPush, forward);
      return () => {
        ipc.removeListener(PRELOAD_CHANNELS.statusPush, forward);
      };
    },
    setup: {
      load: () => ipc.invoke(PRELOAD_CHANNELS.setupLoad),
      save: (draft) => ipc.invoke(PRELOAD_CHANNELS.setupSave, draft),
    },
  };
}

function exposeTalonApi(bridge: Electron['contextBridge'], ipc: Ipc, argv: readonly string[]): void {
  bridge.exposeInMainWorld('talon', createTalonApi(ipc, argv));
}

// Inside Electron's renderer this is Electron's module; under Node (tests) there is none, or
// only the npm package that names the binary, and nothing is exposed.
function electronInRenderer(): Electron | undefined {
  try {
    const electron = require('electron') as Electron | string;
    return typeof electron === 'object' && electron.contextBridge ? electron : undefined;
  } catch {
    return undefined;
  }
}

const electron = electronInRenderer();
if (electron) exposeTalonApi(electron.contextBridge, electron.ipcRenderer, process.argv);

export = { PRELOAD_CHANNELS, PRELOAD_ROLE_ARGUMENT, createTalonApi, exposeTalonApi };
