import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests create their databases on; `.ci/run` starts it if it is not running. */
export const TEST_POSTGRES_URL = process.env.TALON_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Answers whether the test server answers; tests skip off CI when it does not, and fail on CI. */
export async function testPostgresPresent(url = TEST_POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Off CI a machine without PostgreSQL skips those suites; under CI=true a missing server fails them. */
export const postgresSuitesRun = async (): Promise<boolean> => process.env.CI === 'true' || (await testPostgresPresent());

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of the test's own (unique name), so test files running at the same time on the shared
 * server never see each other's rows; `drop` removes it even with connections still open.
 */
export async function createTestDatabase(serverUrl = TEST_POSTGRES_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `talon_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** The Redis the multi-node tests use; each test takes a key prefix of its own. */
export const TEST_REDIS_URL = process.env.TALON_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function testRedisPresent(url = TEST_REDIS_URL): Promise<boolean> {
  const { createClient } = await import('redis');
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

export const testRedisPrefix = () => `talon-test-${process.pid}-${randomBytes(4).toString('hex')}`;
