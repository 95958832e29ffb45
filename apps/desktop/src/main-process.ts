import { app, Menu, session } from 'electron';
import type { Logger } from 'pino';
import { createAgent, type AgentFactory } from './agent-port.js';
import { loadConfigFile } from './config-file.js';
import { openRole, type RoleShell } from './role-mode.js';
import { probeServer } from './screen-loader.js';
import { denyPermissions, guardContents } from './security.js';
import { openSetup, SETUP_FLAG } from './setup-mode.js';

export const STOP_TIMEOUT_MS = 3_000;

export interface MainProcessOptions {
  preloadPath: string;
  argv: readonly string[];
  logger: Logger;
  createAgent?: AgentFactory;
  probe?: (serverUrl: string) => Promise<boolean>;
}

export type Started = { mode: 'setup' } | { mode: 'role'; shell: RoleShell } | { mode: 'second-instance' };

/** Everything the main process does, in order; main.ts only chooses the real parts. */
export async function startMainProcess(options: MainProcessOptions): Promise<Started> {
  const { logger } = options;
  // A second copy would fight the first for the printer and the screen.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { mode: 'second-instance' };
  }
  // Touch screens: no pinch zoom, no swipe back through history.
  app.commandLine.appendSwitch('disable-pinch');
  app.commandLine.appendSwitch('overscroll-history-navigation', '0');
  Menu.setApplicationMenu(null);

  let serverOrigin: string | undefined;
  app.on('web-contents-created', (_event, contents) => guardContents(contents, () => serverOrigin, logger));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  denyPermissions(session.defaultSession, logger);

  const folder = app.getPath('userData');
  const loaded = await loadConfigFile(folder);
  if (loaded.state !== 'ok' || options.argv.includes(SETUP_FLAG)) {
    if (loaded.state === 'invalid') logger.error({ issues: loaded.issues }, 'config refused, opening setup');
    openSetup({ folder, loaded, preloadPath: options.preloadPath, argv: options.argv, logger });
    return { mode: 'setup' };
  }

  serverOrigin = loaded.config.serverUrl;
  const shell = openRole({
    config: loaded.config,
    preloadPath: options.preloadPath,
    logger,
    createAgent: options.createAgent ?? createAgent,
    probe: options.probe ?? ((url) => probeServer(url)),
  });
  app.on('second-instance', () => shell.window.focus());
  // Quit only once the agent has let go of its ports and said goodbye, or after a few seconds.
  let stopped: 'no' | 'stopping' | 'yes' = 'no';
  app.on('before-quit', (event) => {
    if (stopped === 'yes') return;
    event.preventDefault();
    if (stopped === 'stopping') return;
    stopped = 'stopping';
    void withTimeout(shell.stop(), STOP_TIMEOUT_MS)
      .catch((error: unknown) => logger.error({ err: error }, 'shell did not stop cleanly'))
      .finally(() => {
        stopped = 'yes';
        app.quit();
      });
  });
  return { mode: 'role', shell };
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
