import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresCentralStore } from '../storage/postgres/postgres-central-store.js';
import { startLinkProxy, type LinkProxy } from '../testing/link-proxy.js';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, type TestCentral } from '../testing/test-central.js';
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
  let startNode: (url: string, redisUrl?: string) => Promise<TestCentral>;
  let c: TestCentral | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Node A reaches PostgreSQL through a relay the test can cut, as a network or server outage would.
    proxy = await startLinkProxy(Number(new URL(TEST_POSTGRES_URL).port || 5432));
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    const prefix = testRedisPrefix();
    const node = async (url: string, redisUrl = TEST_REDIS_URL) => {
      const store = await createPostgresCentralStore({ url, poolSize: 4 });
      // A short recheck, so a lost nudge shows up within the test's patience.
      const config = testCentralConfig((c) => void (c.booking.changesRecheckSeconds = 0.5));
      return startTestCentral({ store, config, databaseUp: () => store.ping(), cluster: connectRedisCluster(redisUrl, prefix, silentCentralLogger()), now: () => MONDAY_7_00 });
    };
    startNode = node;
    a = await node(viaProxy.toString());
    b = await node(database.url);
    office = await b.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    await proxy?.close();
    await database?.drop();
  });

  const book = (central: TestCentral, slotStart = TUESDAY_10_00) =>
    fetch(`${central.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officeId: 'north', serviceId: 'contracts', slotStart, name: 'Иванова Мария', phone: '8 (916) 123-45-67', personalDataConsent: true }),
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

  it('still tells the office of a booking whose nudge never crossed Redis, from its own node\'s recheck', async () => {
    // Node C cannot reach Redis at all: its nudge for node B's office is lost, as one is when Redis
    // is down or restarts with nothing kept.
    c = await startNode(database.url, 'redis://127.0.0.1:1');
    // The office takes what it has been nudged about so far, as a real one does.
    const pull = async (since: number) => (await office.emitWithAck('bookings:pull', { since })) as { ok: boolean; version: number; changes: { status: string }[] };
    const before = (await pull(0)).version;
    const nudged = new Promise<number>((resolve) => {
      const listener = ({ version }: { version: number }) => {
        if (version <= before) return;
        office.off('bookings:changed', listener);
        resolve(version);
      };
      office.on('bookings:changed', listener);
    });
    const booked = await book(c, TUESDAY_10_00 + 60 * 60_000);
    expect(booked).toMatchObject({ status: 200, body: { ok: true } });
    const version = await nudged;
    expect(await pull(before)).toMatchObject({ ok: true, version, changes: [{ status: 'booked' }] });
    // Told once: with the change pulled, the next rounds are quiet.
    let again = 0;
    office.on('bookings:changed', () => (again += 1));
    await new Promise((r) => setTimeout(r, 1500));
    expect(again).toBe(0);
  });
});
