#!/usr/bin/env node
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApplication } from './app.js';
import { CliError, HELP, parseCliOptions } from './cli-options.js';
import { systemClock } from './clock.js';
import { loadOfficeConfig, OfficeConfigError, saveOfficeConfig } from './config/load-office-config.js';
import { addDemoPrinter, DEMO_TICKETS_FILE } from './devices/demo-printer.js';
import { demoCredentialsIn } from './config/demo-credentials.js';
import { printerFileProblems } from './config/printer-files.js';
import { createRootLogger } from './logger.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEMO_CONFIG = resolve(here, '../config/demo-office.json');
const SCREENS_ROOT = resolve(here, '../../screens/dist');
/** The demo's tokens are public on purpose; a real office issues its own in the admin screen. */
const DEMO_TOKENS = { kiosk: 'demo-kiosk-1', board: 'demo-board-1', agent: 'demo-agent-1', deskAgent: 'demo-agent-2' };

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const logger = createRootLogger({ level: options.logLevel });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting so the service manager restarts a clean process');
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled promise rejection'));

  mkdirSync(options.dataDir, { recursive: true });
  if (options.demo && !existsSync(options.configFile)) {
    mkdirSync(dirname(options.configFile), { recursive: true });
    copyFileSync(DEMO_CONFIG, options.configFile);
    addDemoPrinter(options.configFile, options.dataDir);
    logger.info({ config: options.configFile }, 'demo office config copied; edit it freely');
  }
  const config = loadOfficeConfig(options.configFile);
  const dataDir = resolve(options.dataDir);
  const printerFiles = printerFileProblems(config, dataDir);
  if (printerFiles.length > 0) throw new OfficeConfigError(options.configFile, printerFiles.map((p) => p.text));
  if (!options.demo) {
    const demo = await demoCredentialsIn(config, loadOfficeConfig(DEMO_CONFIG), Object.values(DEMO_TOKENS));
    if (demo.length > 0) throw new OfficeConfigError(options.configFile, [...demo, 'a real office starts only with its own passwords and tokens (or run with --demo)']);
  }
  // The demo's agent prints kiosk 1's tickets to a file, so the whole print path runs anywhere.
  const agentToken = options.agentToken ?? (options.demo ? DEMO_TOKENS.agent : undefined);
  const app = createApplication({
    config,
    databaseFile: join(options.dataDir, 'talon.db'),
    clock: systemClock,
    logger,
    saveConfig: (next) => saveOfficeConfig(options.configFile, next),
    screensRoot: SCREENS_ROOT,
    voiceDir: join(options.dataDir, 'voice'),
    ...(options.demo && { demoTokens: DEMO_TOKENS }),
    ...(options.central && { central: { centralUrl: options.central.url, officeKey: options.central.officeKey } }),
    ...(agentToken && { agent: { token: agentToken } }),
    printerFileFolder: dataDir,
  });
  const port = await app.listen(options.port, options.host);
  const base = `http://localhost:${port}`;
  logger.info({ port, office: config.office.id, data: resolve(options.dataDir), alwaysOpen: config.office.alwaysOpen }, 'office server listening');
  if (options.demo) {
    process.stdout.write(
      [
        '',
        `  Talon demo office «${config.office.name}» is open around the clock at ${base}/`,
        `    kiosk:     ${base}/kiosk#pair=${DEMO_TOKENS.kiosk}`,
        `    operator:  ${base}/operator   (ivanova / demo)`,
        `    board:     ${base}/board#pair=${DEMO_TOKENS.board}`,
        `    dashboard: ${base}/dashboard  (head / demo)`,
        `    admin:     ${base}/admin      (admin / demo)`,
        `  Kiosk 1's tickets print to ${resolve(options.dataDir, DEMO_TICKETS_FILE)}`,
        `  A desktop shell (apps/desktop) joins as device agent with token ${DEMO_TOKENS.deskAgent}`,
        '',
      ].join('\n') + '\n',
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Whatever hangs (a printer that never answers, a client that never lets go), the process is
    // gone within 5 s; SQLite's WAL with synchronous=FULL keeps every acked ticket either way.
    setTimeout(() => {
      logger.error({ signal }, 'stopping took over 4.5 s; exiting anyway');
      process.exit(1);
    }, 4500).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof CliError || error instanceof OfficeConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Talon office server could not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
