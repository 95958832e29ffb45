import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy } from '../apps/booking-service/src/testing/link-proxy.js';
import { startTestCentral, TEST_OFFICE_KEYS, testCentralConfig, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { waitFor } from './support/phone-pages.js';

// A place taken from home, issue #12: central asks, the office decides over the real sync link
// (through a TCP proxy the test cuts), and the answer comes back. No browser here: e2e/remote-queue.test.ts.
/** Tuesday 24 November 2026, 10:00 in Moscow: the office (08:00-17:00) is open. */
const TUESDAY_10_00 = Date.UTC(2026, 10, 24, 7, 0);
const OFFICE = 'demo-office';
const KEY = (n: number) => `join-request-key-${String(n).padStart(4, '0')}`;

describe('a place taken from home over the office link', () => {
  const clock = manualClock(TUESDAY_10_00);
  let central: TestCentral;
  let proxy: LinkProxy;
  let office: TestOffice;

  const post = async (path: string, body: unknown, from?: string) => {
    const response = await fetch(`${central.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(from && { 'x-forwarded-for': from }) }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const join = (n: number, serviceId = 'payments') => post('/api/remote/join', { officeId: OFFICE, serviceId, requestKey: KEY(n) });

  beforeAll(async () => {
    central = await startTestCentral({
      now: () => clock.now(),
      config: testCentralConfig((c) => {
        c.limits.remoteJoinsPerAddress = 8;
        // The test speaks for the phones through X-Forwarded-For, as nginx in front of central would.
        c.limits.trustedProxies = ['127.0.0.1'];
      }),
    });
    proxy = await startLinkProxy(central.port);
    office = await startTestOffice({
      clock,
      config: demoConfig((c) => {
        c.office.alwaysOpen = false;
        c.services.find((s) => s.id === 'payments')!.remoteQueue = { maxWaiting: 3, cutOffMinutes: 60 };
        c.remoteArrival = { publicAddresses: ['203.0.113.7'], location: { latitude: 55.7579, longitude: 37.6126 }, radiusMeters: 150, maxAccuracyMeters: 100 };
      }),
      central: { centralUrl: proxy.url, officeKey: TEST_OFFICE_KEYS[OFFICE]!, retryMs: 200, phoneThrottleMs: 200 },
    });
    await waitFor('the office to link', () => office.app.sync!.status().connected);
  });
  afterAll(async () => {
    await office?.stop();
    await proxy?.close();
    await central?.stop();
  });

  it('lists the office with the services that take places from home', async () => {
    const answer = (await (await fetch(`${central.url}/api/remote/offices`)).json()) as { offices: { id: string; linked: boolean; services: { id: string }[] }[] };
    expect(answer.offices).toEqual([expect.objectContaining({ id: OFFICE, linked: true, services: [expect.objectContaining({ id: 'payments' })] })]);
  });

  it('gets a ticket from the office, once per request key, and the phone page for it', async () => {
    const first = await join(1);
    expect(first).toMatchObject({ status: 200, body: { ok: true, officeId: OFFICE, number: 'A001', serviceId: 'payments' } });
    expect(first.body.arrivalCode).toMatch(/^\d{12}$/);
    expect(first.body.pagePath).toMatch(new RegExp(`^/p/${OFFICE}\\.`));
    // The page retries (a lost answer): the same ticket, not a second place.
    expect((await join(1)).body).toEqual(first.body);
    const ticket = office.app.context.queue.state.tickets.get(first.body.ticketId as string);
    expect(ticket).toMatchObject({ number: 'A001', remote: { code: first.body.arrivalCode } });
    // The page for it: the same live page as a paper ticket's, which the phone reads.
    const info = await (await fetch(`${central.url}/api${(first.body.pagePath as string).replace('/p/', '/phone/')}`)).json();
    expect(info).toMatchObject({ ok: true, officeId: OFFICE, remoteArrival: { byLocation: true } });
    const qr = await fetch(`${central.url}/api${(first.body.pagePath as string).replace('/p/', '/phone/')}/arrival-qr.svg`);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('passes the office refusals on: a service without places from home, the cap', async () => {
    expect(await join(2, 'contracts')).toMatchObject({ status: 409, body: { code: 'remote-not-offered' } });
    expect((await join(3)).body).toMatchObject({ ok: true, number: 'A002' });
    expect((await join(4)).body).toMatchObject({ ok: true, number: 'A003' });
    expect(await join(5)).toMatchObject({ status: 409, body: { code: 'remote-full' } });
  });

  it('takes «Я на месте» only from the office network or near the office; the kiosk code works too', async () => {
    const [a1, a2] = await Promise.all([join(1), join(3)]);
    const arrived = (pagePath: unknown, body: unknown, from: string) => post(`/api${String(pagePath).replace('/p/', '/phone/')}/arrived`, body, from);
    expect(await arrived(a1.body.pagePath, {}, '198.51.100.20')).toMatchObject({ status: 403, body: { code: 'remote-not-near' } });
    // 330 m away: not near enough.
    expect(await arrived(a1.body.pagePath, { position: { latitude: 55.7609, longitude: 37.6126, accuracyMeters: 15 } }, '198.51.100.20')).toMatchObject({ status: 403 });
    expect(await arrived(a1.body.pagePath, { position: { latitude: 55.7585, longitude: 37.6126, accuracyMeters: 15 } }, '198.51.100.20')).toMatchObject({ status: 200, body: { ok: true } });
    expect(await arrived(a1.body.pagePath, {}, '203.0.113.7')).toMatchObject({ status: 409, body: { code: 'remote-already-arrived' } });
    // On the office's Wi-Fi: central sees its public address.
    expect(await arrived(a2.body.pagePath, {}, '203.0.113.7')).toMatchObject({ status: 200 });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const a3 = await join(4);
    const atKiosk = await command<{ ok: boolean; remoteArrival?: boolean; ticket: { number: string } }>(kiosk, 'booking:check-in', { code: a3.body.arrivalCode });
    expect(atKiosk).toMatchObject({ ok: true, remoteArrival: true, ticket: { number: 'A003' } });
    const state = office.app.context.queue.state;
    expect([...state.tickets.values()].filter((t) => t.remote?.arrivedAt !== undefined).map((t) => t.number).sort()).toEqual(['A001', 'A002', 'A003']);
    expect(await arrived('/p/forged.t_x.20261124.AAAAAAAAAAAAAAAAAAAAAA', {}, '203.0.113.7')).toMatchObject({ status: 404 });
  });

  it('says "unavailable right now" with the link down, and works again when it is back', async () => {
    proxy.down();
    await waitFor('central to see the link down', () => !office.app.sync!.status().connected);
    await new Promise((r) => setTimeout(r, 300));
    expect(await join(6)).toMatchObject({ status: 503, body: { code: 'remote-unavailable' } });
    const listed = (await (await fetch(`${central.url}/api/remote/offices`)).json()) as { offices: { linked: boolean }[] };
    expect(listed.offices[0]!.linked).toBe(false);
    proxy.up();
    await waitFor('the office to link again', () => office.app.sync!.status().connected);
    // Serve one so a place under the cap frees up, then join again.
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    await command(operator, 'ticket:call-next');
    expect((await join(6)).body).toMatchObject({ ok: true, number: 'A004' });
  });

  it('refuses within the cut-off before closing and past the per-address limit', async () => {
    clock.set(Date.UTC(2026, 10, 24, 13, 30)); // 16:30 in Moscow, closing 17:00, cut-off 60 min
    expect(await join(7)).toMatchObject({ status: 409, body: { code: 'remote-cut-off' } });
    // The hour moved on, so the address's window started again: 8 new requests in it, then no more.
    for (let n = 8; n <= 14; n += 1) expect(await join(n)).toMatchObject({ status: 409 });
    expect(await join(15)).toMatchObject({ status: 429, body: { code: 'rate-limited' } });
    // A retry of a request central answered before is no new request: answered, not counted.
    expect((await join(6)).body).toMatchObject({ ok: true, number: 'A004' });
  });
});
