import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

// A stand-in for the parts of Electron the main process uses, for vi.mock('electron'). It keeps
// what the shell asked of it (windows and their options, loads, handlers) for tests to inspect,
// and lets a test decide whether the office server answers a load.

type LoadAnswer = (url: string) => Promise<void>;

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly loads: string[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  crashed = 0;
  zoomLimits: [number, number] | undefined;

  constructor(private readonly answer: () => LoadAnswer) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.loads.push(url);
    await this.answer()(url);
  }
  getURL(): string {
    return this.loads.at(-1) ?? '';
  }
  reload(): void {}
  isDestroyed(): boolean {
    return false;
  }
  forcefullyCrashRenderer(): void {
    this.crashed += 1;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  async setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void> {
    this.zoomLimits = [minimum, maximum];
  }
  setZoomFactor = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron does and says whether a listener called preventDefault. */
  fire(event: string, ...args: unknown[]): { prevented: boolean } {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return { prevented };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  menuRemoved = false;
  shown = false;
  focused = 0;

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new FakeWebContents(() => fake.loadAnswer);
    FakeBrowserWindow.instances.push(this);
    // Electron announces every new page to the app before anyone loads into it.
    fake.app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  removeMenu(): void {
    this.menuRemoved = true;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused += 1;
  }
  isDestroyed(): boolean {
    return false;
  }
  fire(event: string): { prevented: boolean } {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) });
    return { prevented };
  }
}

type Handler = (event: { sender: unknown }, ...args: unknown[]) => unknown;

function createFake() {
  const app = Object.assign(new EventEmitter(), {
    userData: '',
    singleInstance: true,
    commandLine: { appendSwitch: vi.fn() },
    whenReady: vi.fn(async (): Promise<void> => undefined),
    getPath: vi.fn((_name: string): string => app.userData),
    getVersion: () => '0.1.0-test',
    requestSingleInstanceLock: vi.fn(() => app.singleInstance),
    relaunch: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const handlers = new Map<string, Handler>();
  return {
    app,
    handlers,
    /** By default every page loads; a test swaps this to make the office server unreachable. */
    loadAnswer: (async () => undefined) as LoadAnswer,
    permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void),
    permissionCheck: undefined as undefined | ((contents: unknown, permission: string, origin: string) => boolean),
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      Menu: { setApplicationMenu: vi.fn() },
      ipcMain: {
        handle: vi.fn((channel: string, handler: Handler) => {
          if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
          handlers.set(channel, handler);
        }),
        removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn((handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler)),
          setPermissionCheckHandler: vi.fn((handler: typeof fake.permissionCheck) => (fake.permissionCheck = handler)),
        },
      },
    },
  };
}

export let fake = createFake();

/** A fresh Electron for each test; the mocked module reads through `fake`, so old references stay valid. */
export function resetFakeElectron(): typeof fake {
  FakeBrowserWindow.instances = [];
  fake = createFake();
  return fake;
}

/** The module vi.mock('electron') returns: getters, so a reset takes effect in code already loaded. */
export const electronModule = {
  get app() {
    return fake.module.app;
  },
  get BrowserWindow() {
    return fake.module.BrowserWindow;
  },
  get Menu() {
    return fake.module.Menu;
  },
  get ipcMain() {
    return fake.module.ipcMain;
  },
  get session() {
    return fake.module.session;
  },
};
