import { CliError, logLevelOption, portOption } from '@talon/server-edge';
import { parseArgs } from 'node:util';

export const HELP = `Talon office server: the source of truth for one office's queue.

Usage: talon-office-server [options]

Options (each also from the environment):
  --demo                 run the demo office (config copied to the data folder on first start)
  --port <n>             HTTP and Socket.IO port                    [PORT, default 8080]
  --host <addr>          address to listen on                       [HOST, default 0.0.0.0]
  --data <dir>           data folder: database, saved config        [TALON_DATA_DIR, default ./data]
  --config <file>        office config JSON                         [TALON_CONFIG, default <data>/office.json]
  --log-level <level>    fatal, error, warn, info, debug            [LOG_LEVEL, default info]
  --central-url <url>    the central booking service to sync with   [TALON_CENTRAL_URL, default none]
                         (its office key comes from TALON_OFFICE_KEY, never the command line)
  --agent-token <token>  run a device agent in this process for the printers and rating
                         buttons wired to this PC, with this agent's device token
                                                                    [TALON_AGENT_TOKEN, default none;
                                                                     the demo's own agent with --demo]
  -h, --help             show this help
`;

export interface CliOptions {
  demo: boolean;
  port: number;
  host: string;
  dataDir: string;
  configFile: string;
  logLevel: string;
  help: boolean;
  /** Set when the office syncs with a central service. */
  central?: { url: string; officeKey: string };
  /** Set when a device agent runs inside the server for hardware wired to this PC. */
  agentToken?: string;
}

export { CliError };

export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
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
        'log-level': { type: 'string' },
        'central-url': { type: 'string' },
        'agent-token': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${HELP}`);
  }
  const port = portOption(values.port ?? env.PORT ?? '8080');
  const dataDir = values.data ?? env.TALON_DATA_DIR ?? 'data';
  const logLevel = logLevelOption(values['log-level'] ?? env.LOG_LEVEL ?? 'info');
  const centralUrl = values['central-url'] ?? env.TALON_CENTRAL_URL;
  if (centralUrl !== undefined && !/^https?:\/\/\S+$/.test(centralUrl)) throw new CliError(`--central-url: "${centralUrl}" is not an http(s) URL`);
  if (centralUrl !== undefined && !env.TALON_OFFICE_KEY) throw new CliError('--central-url needs the office key in TALON_OFFICE_KEY');
  const agentToken = values['agent-token'] ?? env.TALON_AGENT_TOKEN;
  if (agentToken !== undefined && !/^\S{1,200}$/.test(agentToken)) throw new CliError('--agent-token: a device token is 1 to 200 characters without spaces');
  return {
    ...(centralUrl !== undefined && { central: { url: centralUrl, officeKey: env.TALON_OFFICE_KEY! } }),
    ...(agentToken !== undefined && { agentToken }),
    demo: values.demo ?? false,
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    dataDir,
    configFile: values.config ?? env.TALON_CONFIG ?? `${dataDir}/office.json`,
    logLevel,
    help: values.help ?? false,
  };
}
