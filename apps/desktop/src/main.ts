import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startMainProcess } from './main-process.js';

// JSON lines on stdout: journald (or the Windows task's log) keeps them.
const logger = pino({ name: 'talon-desktop', level: process.env.LOG_LEVEL ?? 'info' });

// A kiosk has nobody to read a dialog: log and exit, and systemd or the Windows task restarts us.
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

// No top-level await here: Electron emits 'ready' only once this module has finished
// evaluating, so awaiting anything that waits for 'ready' would hang the app for ever.
startMainProcess({
  preloadPath: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  argv: process.argv,
  logger,
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'shell did not start');
  process.exit(1);
});
