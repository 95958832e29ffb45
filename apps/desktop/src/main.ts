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

await startMainProcess({
  preloadPath: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  argv: process.argv,
  logger,
});
