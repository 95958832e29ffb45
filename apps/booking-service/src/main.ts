#!/usr/bin/env node
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCentralService } from './app.js';
import { CliError, HELP, parseCentralCliOptions } from './cli-options.js';
import { CentralConfigError, loadCentralConfig } from './config/central-config.js';
import { demoCredentialsIn } from './config/demo-credentials.js';
import { createCentralLogger } from './logger.js';
import { createPostgresCentralStore } from './storage/postgres/postgres-central-store.js';
import { createSqliteCentralStore } from './storage/sqlite/sqlite-central-store.js';
import { connectRedisCluster } from './sync/redis-cluster.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEMO_CONFIG = resolve(here, '../config/demo-central.json');
const WEB_ROOT = resolve(here, 'web');

async function main(): Promise<void> {
  const options = parseCentralCliOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const logger = createCentralLogger({ level: options.logLevel });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting so the service manager restarts a clean process');
    process.exit(1);
  });
  // Logged, not fatal: a library's stray promise must not take a node down with its offices' links.
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled promise rejection'));
  mkdirSync(options.dataDir, { recursive: true });
  if (options.demo && !existsSync(options.configFile)) {
    mkdirSync(dirname(options.configFile), { recursive: true });
    copyFileSync(DEMO_CONFIG, options.configFile);
  }
  const config = loadCentralConfig(options.configFile);
  if (!options.demo) {
    const demo = await demoCredentialsIn(config, loadCentralConfig(DEMO_CONFIG));
    if (demo.length > 0)
      throw new CentralConfigError([`${options.configFile}:`, ...demo, 'a real central starts only with its own keys, tokens and passwords (or run with --demo)'].join('\n'));
  }
  // SQLite in the data folder unless a PostgreSQL URL is given (several nodes need PostgreSQL).
  const postgres = options.databaseUrl ? await createPostgresCentralStore({ url: options.databaseUrl, poolSize: config.postgres.poolSize, groupCommit: config.postgres.groupCommit }) : undefined;
  const store = postgres ?? createSqliteCentralStore(join(options.dataDir, 'central.db'));
  if (options.redisUrl && !postgres) logger.warn('--redis-url without --database-url: nodes would each keep their own SQLite file; run several nodes on PostgreSQL');
  const cluster = options.redisUrl ? connectRedisCluster(options.redisUrl, options.redisPrefix, logger.child({ area: 'redis' })) : undefined;
  logger.info({ store: postgres ? 'postgresql' : 'sqlite', redis: Boolean(cluster) }, 'central store open');
  const service = await createCentralService({
    config,
    store,
    ...(cluster && { cluster }),
    ...(postgres && { databaseUp: () => postgres.ping() }),
    logger,
    webRoot: WEB_ROOT,
  });
  const port = await service.listen(options.port, options.host);
  logger.info({ port, offices: config.offices.length }, 'central service listening');
  if (options.demo) process.stdout.write(`\n  Talon central booking page: http://localhost:${port}/\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Whatever hangs (a client that never lets go, a database that never answers), the process
    // is gone within 5 s, as a service manager expects; offices resend from their offsets.
    setTimeout(() => {
      logger.error({ signal }, 'stopping took over 4.5 s; exiting anyway');
      process.exit(1);
    }, 4500).unref();
    service.close().then(
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
  if (error instanceof CliError || error instanceof CentralConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Talon central service could not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
