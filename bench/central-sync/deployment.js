// The two central set-ups the bench compares, started as a company would run them: `main.js`
// processes (not in-process services), SQLite on one node, or PostgreSQL and Redis with two nodes
// behind Debian's nginx (apps/booking-service/src/testing/central-deployment.ts starts both, for
// the e2e test of two nodes too). Each set-up gets its own data folder, database and Redis prefix.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startCentralNode, startNginx as startSharedNginx } from '../../apps/booking-service/dist/testing/central-deployment.js';

const SHARED_POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SHARED_REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

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
      // A node must hold every office when the other one dies (and a phone page or two beside them).
      // BENCH_CENTRAL_LIMITS (JSON) overrides any of them, e.g. '{"maxEventLoopLagMs": 1000}'.
      limits: {
        maxConnectionsPerAddress: 100_000,
        socketSessionsPerAddress: 100_000,
        connectAttemptsPerAddress: 1_000_000,
        maxConnections: 30_000,
        refusalLogSeconds: 5,
        ...JSON.parse(process.env.BENCH_CENTRAL_LIMITS ?? '{}'),
      },
      postgres: { poolSize: 20 },
    }),
  );
  return file;
}

/** A node as the bench runs it: its errors on the bench's stderr, for a node that falls over. */
const LOG_DIR = process.env.BENCH_LOG_DIR;
const startNode = (dir, configFile, port, args) =>
  startCentralNode({ dir, configFile, port, args, stderr: 'inherit', ...(LOG_DIR && { logFile: join(LOG_DIR, `central-${port}.log`) }) });

/**
 * nginx sized for thousands of websockets: each office holds two descriptors (its own, and nginx's
 * to the node); two workers, as many as the machine's cores.
 */
const startNginx = (dir, upstreamPorts) =>
  startSharedNginx(dir, upstreamPorts, { workers: 2, workerConnections: 16_000, workerFiles: 20_000, failTimeoutSeconds: 5, readTimeoutSeconds: 120, backlog: 4096 });

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
