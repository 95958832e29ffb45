import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, nginxPresent, waitForLine } from '../../apps/booking-service/src/testing/central-deployment.js';

// The nodes and nginx are started as bench/central-sync starts them, by one module.
export { CENTRAL_MAIN, exited, freePort, startCentralNode, startNginx, waitForLine } from '../../apps/booking-service/src/testing/central-deployment.js';

/**
 * Private PostgreSQL and Redis for one test, each in the test's temp dir on its own port: the
 * machine's shared servers are used by other tests at the same time and must never be restarted.
 */
const PG_BIN = process.env.TALON_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export const centralServicesPresent = existsSync(join(PG_BIN, 'initdb')) && existsSync('/usr/bin/redis-server') && nginxPresent;

/** PostgreSQL refuses to run as root; as root the private server runs as the postgres user. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];
}

export interface PrivatePostgres {
  url: string;
  restart(): void;
  stop(): void;
}

/** In a temp dir of its own (the postgres user must reach it), removed by `stop`. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'talon-pg-'));
  const data = join(dir, 'pgdata');
  mkdirSync(data, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
    chownSync(data, uid, gid);
  }
  const port = await freePort();
  const run = (bin: string, args: string[]) => {
    const [command, full] = asPostgres(bin, args);
    try {
      execFileSync(command, full, { stdio: 'pipe', timeout: 60_000 });
    } catch (error) {
      throw new Error(`${bin} failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
    }
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=60 -c shared_buffers=16MB`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => run('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', '-m', 'fast', 'restart']),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateRedis {
  url: string;
  restart(): Promise<void>;
  stop(): void;
}

export async function startPrivateRedis(dir: string): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
    await waitForLine(child, 'Ready to accept connections', 'redis');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      child?.kill('SIGKILL');
      await exited(child!);
      await start();
    },
    stop: () => child?.kill('SIGKILL'),
  };
}
