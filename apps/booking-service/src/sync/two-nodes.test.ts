import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresCentralStore } from '../storage/postgres/postgres-central-store.js';
import { startLinkProxy, type LinkProxy } from '../testing/link-proxy.js';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../testing/test-central.js';
import { createTestDatabase, postgresSuitesRun, testRedisPrefix, testRedisPresent, TEST_POSTGRES_URL, TEST_REDIS_URL } from '../testing/test-postgres.js';
import { connectRedisCluster } from './redis-cluster.js';
import { silentCentralLogger } from '../logger.js';

// Off CI a machine without PostgreSQL or Redis skips this file with a note; under CI=true it runs.
const run = process.env.CI === 'true' || ((await postgresSuitesRun()) && (await testRedisPresent()));
if (!run) console.warn('PostgreSQL or Redis is not running on 127.0.0.1: the two-node central tests are skipped (they run under CI=true)');

const MONDAY_7_00 = Date.UTC(2026, 10, 23, 4, 0);
const TUESDAY_10_00 = Date.parse('2026-11-24T10:00:00+03:00');

describe.runIf(run)('two central nodes on one PostgreSQL and one Redis', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: LinkProxy;
  let a: TestCentral;
  let b: TestCentral;
  let office: Socket;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Node A reaches PostgreSQL through a relay the test can cut, as a network or server outage would.
    proxy = await startLinkProxy(Number(new URL(TEST_POSTGRES_URL).port || 5432));
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    const prefix = testRedisPrefix();
    const node = async (url: string) => {
      const store = await createPostgresCentralStore({ url, poolSize: 4 });
      return startTestCentral({ store, databaseUp: () => store.ping(), cluster: connectRedisCluster(TEST_REDIS_URL, prefix, silentCentralLogger()), now: () => MONDAY_7_00 });
    };
    a = await node(viaProxy.toString());
    b = await node(database.url);
    office = await b.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
    await database?.drop();
  });

  const book = (central: TestCentral) =>
    fetch(`${central.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officeId: 'north', serviceId: 'contracts', slotStart: TUESDAY_10_00, name: 'Иванова Мария', phone: '8 (916) 123-45-67', personalDataConsent: true }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { ok: boolean; code?: string } }));

  it('nudges the office linked to node B when a visitor books on node A', async () => {
    // Node A learns the office from B's hello through Redis.
    await expect.poll(async () => JSON.stringify(await (await fetch(`${a.url}/api/offices`)).json()), { timeout: 10_000 }).toContain('north');
    const nudged = new Promise<{ version: number }>((resolve) => office.once('bookings:changed', resolve));
    expect(await book(a)).toMatchObject({ status: 200, body: { ok: true } });
    expect((await nudged).version).toBeGreaterThanOrEqual(1);
    expect(await (await fetch(`${a.url}/healthz`)).json()).toMatchObject({ ok: true, dependencies: { database: 'up', redis: 'up' } });
  });

  it('answers a retryable 503 while its PostgreSQL is unreachable, and recovers by itself', async () => {
    proxy.down();
    try {
      const refused = await book(a);
      expect(refused).toMatchObject({ status: 503, body: { ok: false, code: 'unavailable' } });
      const health = await fetch(`${a.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, down: ['database'], dependencies: { database: 'down', redis: 'up' } });
    } finally {
      proxy.up();
    }
    await expect.poll(async () => (await fetch(`${a.url}/healthz`)).status, { timeout: 10_000 }).toBe(200);
    // The slot was taken by the first test: the store answers again, with its own refusal.
    expect(await book(a)).toMatchObject({ status: 409, body: { ok: false, code: 'slot-full' } });
  });
});
