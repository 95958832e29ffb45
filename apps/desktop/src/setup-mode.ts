import { app, BrowserWindow, ipcMain } from 'electron';
import type { Logger } from 'pino';
import { saveConfigFile, type LoadedConfig } from './config-file.js';
import type { SetupSaveResult, SetupView } from './desktop-api.js';
import { IPC } from './ipc-channels.js';
import { checkSetupDraft, draftFromConfig, EMPTY_DRAFT } from './setup-draft.js';
import { setupPageUrl } from './setup-page.js';
import { windowOptions } from './window-options.js';

export const SETUP_FLAG = '--setup';
/** How long the page shows «сохранено» before the shell restarts into its role. */
export const RELAUNCH_DELAY_MS = 1_500;

/**
 * The installer's first run (or `--setup`): a normal window with the setup form. A good config is
 * written to the userData folder and the shell restarts into its role; nothing is saved unchecked.
 */
export function openSetup(options: { folder: string; loaded: LoadedConfig; preloadPath: string; argv: readonly string[]; logger: Logger }): BrowserWindow {
  const { folder, loaded, logger } = options;
  const window = new BrowserWindow(windowOptions('setup', options.preloadPath));
  window.removeMenu();
  const view: SetupView =
    loaded.state === 'ok'
      ? { draft: draftFromConfig(loaded.config), issues: [] }
      : { draft: EMPTY_DRAFT, issues: loaded.state === 'invalid' ? loaded.issues : [] };

  // Only the setup window may ask: no other page ever gets these answers.
  ipcMain.handle(IPC.setupLoad, (event) => (event.sender === window.webContents ? view : undefined));
  ipcMain.handle(IPC.setupSave, async (event, draft: unknown): Promise<SetupSaveResult> => {
    if (event.sender !== window.webContents) return { ok: false, issues: [{ field: 'config', message: 'desktop.setup.error.invalid' }] };
    const checked = checkSetupDraft(draft);
    if (!checked.ok) return checked;
    await saveConfigFile(folder, checked.config);
    logger.info({ role: checked.config.role, serverUrl: checked.config.serverUrl }, 'setup saved, restarting into the role');
    setTimeout(() => {
      app.relaunch({ args: options.argv.slice(1).filter((argument) => argument !== SETUP_FLAG) });
      app.exit(0);
    }, RELAUNCH_DELAY_MS);
    return { ok: true };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(setupPageUrl('ru'));
  return window;
}
