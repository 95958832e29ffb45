// Electron's binary (and with it its types) cannot be installed everywhere we build: it stays an
// optional dependency. This declares only the parts of Electron's API the shell uses, with the
// same signatures, so `tsc -b` passes without it. Where Electron is installed,
// `npm run typecheck:electron -w @talon/desktop` checks the same code against its real types.
declare module 'electron' {
  export interface Event {
    preventDefault(): void;
  }

  export interface WebPreferences {
    preload?: string;
    contextIsolation?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInWorker?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    sandbox?: boolean;
    webSecurity?: boolean;
    allowRunningInsecureContent?: boolean;
    webviewTag?: boolean;
    navigateOnDragDrop?: boolean;
    spellcheck?: boolean;
    devTools?: boolean;
    zoomFactor?: number;
    autoplayPolicy?: 'no-user-gesture-required' | 'user-gesture-required' | 'document-user-activation-required';
    additionalArguments?: string[];
    backgroundThrottling?: boolean;
  }

  export interface BrowserWindowConstructorOptions {
    show?: boolean;
    fullscreen?: boolean;
    fullscreenable?: boolean;
    kiosk?: boolean;
    frame?: boolean;
    autoHideMenuBar?: boolean;
    closable?: boolean;
    minimizable?: boolean;
    maximizable?: boolean;
    resizable?: boolean;
    movable?: boolean;
    alwaysOnTop?: boolean;
    skipTaskbar?: boolean;
    backgroundColor?: string;
    title?: string;
    width?: number;
    height?: number;
    webPreferences?: WebPreferences;
  }

  export interface RenderProcessGoneDetails {
    reason: 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';
    exitCode: number;
  }

  export interface Input {
    type: string;
    key: string;
    code: string;
    control: boolean;
    meta: boolean;
    alt: boolean;
    shift: boolean;
  }

  export interface HandlerDetails {
    url: string;
  }

  export type WindowOpenHandlerResponse = { action: 'deny' } | { action: 'allow' };

  export interface WebContents {
    readonly id: number;
    loadURL(url: string): Promise<void>;
    getURL(): string;
    reload(): void;
    isDestroyed(): boolean;
    forcefullyCrashRenderer(): void;
    send(channel: string, ...args: unknown[]): void;
    setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
    setZoomFactor(factor: number): void;
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
    on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): this;
    on(event: 'will-attach-webview', listener: (event: Event) => void): this;
    on(event: 'will-frame-navigate', listener: (details: Event & { url: string; isMainFrame: boolean }) => void): this;
    on(event: 'render-process-gone', listener: (event: Event, details: RenderProcessGoneDetails) => void): this;
    on(
      event: 'did-fail-load',
      listener: (event: Event, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
    ): this;
    on(event: 'before-input-event', listener: (event: Event, input: Input) => void): this;
    on(event: 'context-menu' | 'zoom-changed' | 'did-finish-load', listener: (event: Event) => void): this;
  }

  export class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    readonly webContents: WebContents;
    loadURL(url: string): Promise<void>;
    removeMenu(): void;
    show(): void;
    focus(): void;
    isDestroyed(): boolean;
    on(event: 'unresponsive' | 'responsive' | 'ready-to-show' | 'closed', listener: () => void): this;
    once(event: 'ready-to-show', listener: () => void): this;
    on(event: 'close', listener: (event: Event) => void): this;
  }

  export interface PermissionRequest {
    requestingUrl?: string;
  }

  export interface Session {
    setPermissionRequestHandler(
      handler: ((webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void, details: PermissionRequest) => void) | null,
    ): void;
    setPermissionCheckHandler(handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string) => boolean) | null): void;
  }

  export const session: { readonly defaultSession: Session };

  export interface IpcMainInvokeEvent {
    readonly sender: WebContents;
  }

  export const ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => Promise<unknown> | unknown): void;
    removeHandler(channel: string): void;
  };

  export interface CommandLine {
    appendSwitch(the_switch: string, value?: string): void;
  }

  export const app: {
    readonly commandLine: CommandLine;
    whenReady(): Promise<void>;
    getPath(name: 'userData'): string;
    getVersion(): string;
    requestSingleInstanceLock(): boolean;
    relaunch(options?: { args?: string[]; execPath?: string }): void;
    quit(): void;
    exit(exitCode?: number): void;
    on(event: 'web-contents-created', listener: (event: Event, webContents: WebContents) => void): typeof app;
    on(event: 'before-quit', listener: (event: Event) => void): typeof app;
    on(event: 'window-all-closed' | 'second-instance', listener: () => void): typeof app;
  };

  export const Menu: {
    setApplicationMenu(menu: null): void;
  };

  export interface IpcRendererEvent {
    readonly sender: unknown;
  }

  export const ipcRenderer: {
    invoke(channel: string, ...args: any[]): Promise<any>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): unknown;
    removeListener(channel: string, listener: (...args: any[]) => void): unknown;
  };

  export const contextBridge: {
    exposeInMainWorld(apiKey: string, api: any): void;
  };
}
