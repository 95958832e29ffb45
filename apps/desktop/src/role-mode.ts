import { app, BrowserWindow, ipcMain } from 'electron';
import type { Logger } from 'pino';
import { agentOptionsFor } from './agent-options.js';
import type { AgentFactory, AgentPort } from './agent-port.js';
import { isBlockedInput } from './blocked-keys.js';
import type { ShellStatus } from './desktop-api.js';
import { IPC } from './ipc-channels.js';
import { offlinePageUrl } from './offline-page.js';
import { RendererWatchdog } from './renderer-watchdog.js';
import { ScreenLoader } from './screen-loader.js';
import { screenUrl, type ShellConfig } from './shell-config.js';
import { windowOptions } from './window-options.js';

// Chromium's code for a load cancelled by a newer one: not an outage.
const ERR_ABORTED = -3;

export interface RoleShell {
  window: BrowserWindow;
  agent: AgentPort | undefined;
  loader: ScreenLoader;
  stop(): Promise<void>;
}

/** The role's screen in its window, the device agent beside it, and what keeps both up. */
export function openRole(options: {
  config: ShellConfig;
  preloadPath: string;
  logger: Logger;
  createAgent: AgentFactory;
  probe: (serverUrl: string) => Promise<boolean>;
}): RoleShell {
  const { config, logger } = options;
  const role = config.role;

  const agentOptions = agentOptionsFor(config, { logger, agentVersion: `desktop-${app.getVersion()}` });
  const agent = agentOptions && options.createAgent(agentOptions);
  const status = (): ShellStatus => ({ role, agent: agent?.status() ?? null });

  const window = new BrowserWindow(windowOptions(role, options.preloadPath));
  window.removeMenu();
  const contents = window.webContents;

  const loader = new ScreenLoader(screenUrl(config), {
    load: (url) => window.loadURL(url),
    probe: () => options.probe(config.serverUrl),
    showOffline: (view) => window.loadURL(offlinePageUrl(view, config.language)),
    logger,
  });
  const watchdog = new RendererWatchdog({ reload: () => void loader.open(), crash: () => contents.forcefullyCrashRenderer(), logger });

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || validatedUrl.startsWith('data:')) return;
    logger.warn({ errorCode, errorDescription, url: validatedUrl }, 'page failed to load');
    void loader.pageFailed();
  });
  contents.on('render-process-gone', (_event, details) => watchdog.gone(details));
  window.on('unresponsive', () => watchdog.unresponsive());
  window.on('responsive', () => watchdog.responsive());

  // No zoom by keys, wheel or pinch, no way out by keyboard on a kiosk or board.
  contents.on('before-input-event', (event, input) => {
    if (isBlockedInput(role, input)) event.preventDefault();
  });
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('did-finish-load', () => void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined));
  contents.on('context-menu', (event) => event.preventDefault());

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  if (role === 'kiosk' || role === 'board') {
    window.on('close', (event) => {
      if (!quitting) event.preventDefault();
    });
  }

  ipcMain.handle(IPC.statusGet, (event) => (event.sender === contents ? status() : undefined));
  // The log keeps each change of the hardware's state, so an installer can read it in the journal.
  let lastLogged = '';
  const pushStatus = () => {
    const current = status();
    const summary = JSON.stringify(current.agent);
    if (summary !== lastLogged) logger.info({ agent: current.agent }, 'device agent status');
    lastLogged = summary;
    if (!contents.isDestroyed()) contents.send(IPC.statusPush, current);
  };
  agent?.on('status', pushStatus);
  agent?.start();

  window.once('ready-to-show', () => window.show());
  void loader.open().finally(() => window.show());
  logger.info({ role, serverUrl: config.serverUrl, agent: agent !== undefined }, 'shell started');

  return {
    window,
    agent,
    loader,
    async stop() {
      watchdog.stop();
      loader.stop();
      agent?.off('status', pushStatus);
      await agent?.stop();
    },
  };
}
