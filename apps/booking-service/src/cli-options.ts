import { CliError, logLevelOption, portOption } from '@talon/server-edge';
import { parseArgs } from 'node:util';

export const HELP = `Talon central booking service: on-line booking, office sync, company reports.

Usage: talon-booking-service [options]

Options (each also from the environment):
  --demo                 copy the demo config (office "demo-office", key demo-office-key-0001) on first start;
                         without it central refuses to start with any of the demo's keys or passwords
  --port <n>             HTTP and Socket.IO port                    [PORT, default 8090]
  --host <addr>          address to listen on                       [HOST, default 0.0.0.0]
  --data <dir>           data folder: central.db                    [TALON_CENTRAL_DATA_DIR, default ./data/central]
  --config <file>        central config JSON                        [TALON_CENTRAL_CONFIG, default <data>/central.json]
  --database-url <url>   PostgreSQL instead of <data>/central.db,   [TALON_CENTRAL_DATABASE_URL, default none: SQLite]
                         e.g. postgres://talon@db.example/talon
  --redis-url <url>      several nodes: Socket.IO through Redis     [TALON_CENTRAL_REDIS_URL, default none: one node]
  --redis-prefix <name>  Redis key prefix of this deployment        [TALON_CENTRAL_REDIS_PREFIX, default talon]
  --log-level <level>    fatal, error, warn, info, debug            [LOG_LEVEL, default info]
  -h, --help             show this help
`;

export { CliError };

export interface CentralCliOptions {
  demo: boolean;
  port: number;
  host: string;
  dataDir: string;
  configFile: string;
  /** PostgreSQL connection string; undefined keeps the embedded SQLite store. */
  databaseUrl: string | undefined;
  /** Redis for several nodes; undefined runs one node with the in-memory adapter. */
  redisUrl: string | undefined;
  redisPrefix: string;
  logLevel: string;
  help: boolean;
}

export function parseCentralCliOptions(argv: string[], env: NodeJS.ProcessEnv): CentralCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        demo: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        config: { type: 'string' },
        'database-url': { type: 'string' },
        'redis-url': { type: 'string' },
        'redis-prefix': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${HELP}`);
  }
  const port = portOption(values.port ?? env.PORT ?? '8090');
  const dataDir = values.data ?? env.TALON_CENTRAL_DATA_DIR ?? 'data/central';
  return {
    demo: values.demo ?? false,
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    dataDir,
    configFile: values.config ?? env.TALON_CENTRAL_CONFIG ?? `${dataDir}/central.json`,
    databaseUrl: values['database-url'] ?? (env.TALON_CENTRAL_DATABASE_URL || undefined),
    redisUrl: values['redis-url'] ?? (env.TALON_CENTRAL_REDIS_URL || undefined),
    redisPrefix: values['redis-prefix'] ?? env.TALON_CENTRAL_REDIS_PREFIX ?? 'talon',
    logLevel: logLevelOption(values['log-level'] ?? env.LOG_LEVEL ?? 'info'),
    help: values.help ?? false,
  };
}
