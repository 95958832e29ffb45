// The two central set-ups the bench compares, started as a company would run them: `main.js`
// processes (not in-process services), SQLite on one node, or PostgreSQL and Redis with two nodes
// behind Debian's nginx. Each set-up gets its own data folder, database and Redis prefix.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

const CENTRAL_MAIN = resolve(import.meta.dirname, '../../apps/booking-service/dist/main.js');
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const SHARED_POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SHARED_REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** Resident memory of a process in bytes, from /proc (the node's own, apart from the bench's). */
export function rssOf(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** The central config every node of a set-up reads: the offices, and limits sized for a company. */
export function writeCentralConfig(dir, offices) {
  const file = join(dir, 'central.json');
  writeFileSync(
    file,
    JSON.stringify({
      offices,
      // Every simulated office connects from 127.0.0.1 (or from nginx on it); a real company's
      // offices come from as many addresses as it has offices.
      limits: { maxConnectionsPerAddress: 100_000 },
      postgres: { poolSize: 20 },
    }),
  );
  return file;
}

async function startNode(dir, configFile, port, extraArgs) {
  const child = spawn(process.execPath, [CENTRAL_MAIN, '--port', String(port), '--host', '127.0.0.1', '--data', join(dir, `node-${port}`), '--config', configFile, ...extraArgs], {
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`central node ${port} did not start in 60 s`)), 60_000);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.includes('central service listening')) {
        clearTimeout(timer);
        resolveStart();
      }
    });
    child.once('exit', (code) => reject(new Error(`central node ${port} exited with ${code}`)));
  });
  return { port, pid: child.pid, child, kill: () => child.kill('SIGKILL'), exited: new Promise((r) => child.once('exit', r)) };
}

/** nginx sized for thousands of websockets: each holds two descriptors (office side, node side). */
async function startNginx(dir, upstreamPorts) {
  const port = await freePort();
  const prefix = join(dir, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 2;
worker_rlimit_nofile 20000;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log error;
events { worker_connections 16000; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream talon_central {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location / {
      proxy_pass http://talon_central;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
  const until = Date.now() + 20_000;
  for (;;) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false)) break;
    if (Date.now() > until || child.exitCode !== null) throw new Error('nginx did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

/** SQLite on one node: the embedded default. */
export async function startSqliteSetup(dir, configFile) {
  const node = await startNode(dir, configFile, await freePort(), []);
  return {
    name: 'SQLite, 1 node',
    url: `http://127.0.0.1:${node.port}`,
    nodes: [node],
    async countEvents() {
      // Read through SQLite itself once the node has stopped writing.
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(join(dir, `node-${node.port}`, 'central.db'), { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS rows, count(DISTINCT office_id || char(0) || event_id) AS distinctIds FROM office_events').get();
      } finally {
        db.close();
      }
    },
    async stop() {
      node.kill();
      await node.exited;
    },
  };
}

/** PostgreSQL and Redis (the machine's own, a database and prefix of this run), two nodes, nginx. */
export async function startPostgresSetup(dir, configFile) {
  const database = `talon_bench_sync_${process.pid}`;
  const admin = new pg.Client({ connectionString: SHARED_POSTGRES });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(SHARED_POSTGRES);
  url.pathname = `/${database}`;
  const args = ['--database-url', url.toString(), '--redis-url', SHARED_REDIS, '--redis-prefix', `bench-sync-${process.pid}`];
  // The first node runs the migrations; the second finds them done.
  const first = await startNode(dir, configFile, await freePort(), args);
  const second = await startNode(dir, configFile, await freePort(), args);
  const nginx = await startNginx(dir, [first.port, second.port]);
  return {
    name: 'PostgreSQL, 2 nodes + nginx',
    url: nginx.url,
    nodes: [first, second],
    async countEvents() {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT count(*)::int AS rows, count(DISTINCT (office_id, event_id))::int AS "distinctIds" FROM office_events');
        return rows[0];
      } finally {
        await client.end();
      }
    },
    async stop() {
      for (const node of [first, second]) node.kill();
      await Promise.all([first.exited, second.exited]);
      nginx.stop();
      const cleanup = new pg.Client({ connectionString: SHARED_POSTGRES });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
      spawnSync('redis-cli', ['-u', SHARED_REDIS, '--scan', '--pattern', `bench-sync-${process.pid}*`], { encoding: 'utf8' })
        .stdout?.split('\n')
        .filter(Boolean)
        .forEach((key) => spawnSync('redis-cli', ['-u', SHARED_REDIS, 'DEL', key]));
    },
  };
}
