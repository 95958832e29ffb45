import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Central as a company runs it, for the e2e test of two nodes and bench/central-sync alike:
 * `main.js` processes (not in-process services) and Debian's nginx in front of them, each with its
 * own folder, port and logs under the caller's temp dir. The database and Redis are the caller's.
 */
export const CENTRAL_MAIN = resolve(import.meta.dirname, '../../dist/main.js');
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

export const nginxPresent = existsSync('/usr/sbin/nginx') || existsSync('/usr/bin/nginx');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

export function waitForLine(child: ChildProcess, text: string, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise<void>((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs / 1000} s`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes(text)) {
        clearTimeout(timer);
        resolveLine();
      }
    });
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
  });
}

export const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode ? r(undefined) : child.once('exit', r)));

export interface CentralNode {
  port: number;
  pid: number;
  child: ChildProcess;
  /** SIGKILL: a node that dies with no chance to say goodbye. */
  kill(): void;
  exited: Promise<unknown>;
}

/**
 * One central node on 127.0.0.1:`port`, its data in `dir/node-<port>`, answering once it logs that
 * it listens. `args` add the store and cluster flags (`--database-url`, `--redis-url`, ...).
 */
export async function startCentralNode(options: {
  dir: string; configFile: string; port: number; args?: string[]; stderr?: 'inherit' | 'pipe'; startMs?: number;
  /** Keep the node's log (JSON lines) in this file instead of dropping it. */
  logFile?: string;
}): Promise<CentralNode> {
  const { dir, configFile, port } = options;
  const child = spawn(process.execPath, [CENTRAL_MAIN, '--port', String(port), '--host', '127.0.0.1', '--data', join(dir, `node-${port}`), '--config', configFile, ...(options.args ?? [])], {
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', options.stderr ?? 'pipe'],
  });
  await waitForLine(child, 'central service listening', `central node ${port}`, options.startMs ?? 60_000);
  // Nobody reads the log from here on; keep the pipe drained so the node never blocks on it.
  if (options.logFile) child.stdout!.pipe(createWriteStream(options.logFile, { flags: 'a' }));
  else child.stdout!.resume();
  child.stderr?.resume();
  return { port, pid: child.pid!, child, kill: () => child.kill('SIGKILL'), exited: exited(child) };
}

export interface NginxSizing {
  /** nginx worker processes (default 1). */
  workers?: number;
  /** Connections per worker; each office holds two, its own and nginx's to the node (default 1024). */
  workerConnections?: number;
  /** Descriptors per worker (`worker_rlimit_nofile`), if the default limit is too low. */
  workerFiles?: number;
  /** How long an upstream that failed is left out (default 2 s). */
  failTimeoutSeconds?: number;
  /** How long an idle websocket to a node may stay silent (default 60 s; Socket.IO pings every 25 s). */
  readTimeoutSeconds?: number;
  /** The listen backlog, for thousands of offices connecting at once. */
  backlog?: number;
}

/** nginx in front of the nodes with the upgrade headers offices need; its own prefix, pid and logs. */
export async function startNginx(dir: string, upstreamPorts: number[], sizing: NginxSizing = {}): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const port = await freePort();
  const prefix = join(dir, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, `
daemon off;
worker_processes ${sizing.workers ?? 1};
${sizing.workerFiles ? `worker_rlimit_nofile ${sizing.workerFiles};` : ''}
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections ${sizing.workerConnections ?? 1024}; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream talon_central {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=${sizing.failTimeoutSeconds ?? 2}s;`).join('\n')}
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port}${sizing.backlog ? ` backlog=${sizing.backlog}` : ''};
    location / {
      proxy_pass http://talon_central;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      # A dead node refuses at once (error): the other one is tried and the dead one left out. A
      # connect that times out is a live node's full accept queue (all the dead node's offices
      # reconnecting at once), and nginx counts it as a failure whatever proxy_next_upstream says:
      # with 2 s it took the last live node out too. 10 s outlasts the kernel's SYN retries (1, 3, 7 s).
      proxy_next_upstream error http_502;
      proxy_connect_timeout 10s;
      proxy_read_timeout ${sizing.readTimeoutSeconds ?? 60}s;
    }
  }
}
`);
  const child = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
  const until = Date.now() + 20_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
    if (up) break;
    if (Date.now() > until || child.exitCode !== null) throw new Error('nginx did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  // SIGTERM: nginx's fast shutdown, in which the master ends its workers. A SIGKILLed master leaves
  // them running, still listening and holding the offices' sockets.
  return { url: `http://127.0.0.1:${port}`, child, stop: () => child.kill('SIGTERM') };
}
