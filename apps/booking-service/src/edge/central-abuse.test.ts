import { request as httpRequest } from 'node:http';
import { connect, type Socket as TcpSocket } from 'node:net';
import { Writable } from 'node:stream';
import { io, Manager } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPassword, phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';
import { pollingHandshakes } from '@talon/server-edge/testing';
import { createCentralLogger } from '../logger.js';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, type TestCentral } from '../testing/test-central.js';
import type { CentralConfig } from '../config/central-config.js';

const msk = (date: string, time: string) => Date.parse(`${date}T${time}:00+03:00`);
/** Monday 23 November 2026, 07:00 in Moscow. */
const MONDAY_7_00 = Date.UTC(2026, 10, 23, 4, 0);

/** Issue 10, central's findings, each tried as an attacker would on loopback: the attacker is 127.0.0.2. */
describe('central under hostile traffic', () => {
  let central: TestCentral;
  const lines: Record<string, unknown>[] = [];
  afterEach(() => central?.stop());

  async function start(edit: (c: CentralConfig) => void = () => {}) {
    lines.length = 0;
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) });
    central = await startTestCentral({ config: testCentralConfig(edit), now: () => MONDAY_7_00, logger: createCentralLogger({ level: 'info', destination }) });
  }
  const refusalLines = () => lines.filter((l) => l['msg'] === 'refused');

  /** A request from a chosen loopback address, as fetch cannot bind one. */
  const call = (path: string, options: { method?: string; from?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: central.port, path, method: options.method ?? 'GET', localAddress: options.from ?? '127.0.0.1', headers: options.headers ?? {}, agent: false },
        (response) => {
          let body = '';
          response.setEncoding('utf8').on('data', (c: string) => (body += c));
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
        },
      );
      req.on('error', reject).end(options.body);
    });

  async function bookOnline(): Promise<string> {
    const office = await central.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() });
    const made = await fetch(`${central.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ officeId: 'north', serviceId: 'contracts', slotStart: msk('2026-11-24', '10:00'), name: 'Иванова Мария', phone: '+7 916 123-45-67', personalDataConsent: true }),
    });
    return ((await made.json()) as { booking: { code: string } }).booking.code;
  }

  it('finding 3: a code alone opens nothing, and one address gets 10 wrong guesses, then none, logged as one line', async () => {
    await start();
    const code = await bookOnline();
    // The code without the phone's last digits, and with wrong ones: no booking, and no hint it exists.
    expect(JSON.parse((await call(`/api/bookings/${code}`, { from: '127.0.0.2' })).body)).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(JSON.parse((await call(`/api/bookings/${code}/cancel?phone4=0000`, { method: 'POST', from: '127.0.0.2' })).body)).toMatchObject({ ok: false, code: 'booking-not-found' });
    for (let guess = 0; guess < 9; guess += 1) {
      const answer = await call(`/api/bookings/${String(100_000_000_000 + guess)}?phone4=4567`, { from: '127.0.0.2' });
      expect(answer.status).toBe(404);
    }
    // Ten misses: now even the right code and digits are refused to that address, and walking on costs nothing.
    for (let guess = 0; guess < 200; guess += 1) expect((await call(`/api/bookings/${String(200_000_000_000 + guess)}?phone4=4567`, { from: '127.0.0.2' })).status).toBe(429);
    expect(JSON.parse((await call(`/api/bookings/${code}/cancel?phone4=4567`, { method: 'POST', from: '127.0.0.2' })).body)).toMatchObject({ ok: false, code: 'rate-limited' });
    // The visitor at another address is not affected.
    expect(JSON.parse((await call(`/api/bookings/${code}?phone4=4567`)).body)).toMatchObject({ ok: true, booking: { code, status: 'booked' } });
    expect(JSON.parse((await call(`/api/bookings/${code}/cancel?phone4=4567`, { method: 'POST' })).body)).toMatchObject({ ok: true, booking: { status: 'cancelled' } });

    await central.stop();
    expect(refusalLines()).toEqual([expect.objectContaining({ source: '127.0.0.2', reason: 'booking-guesses', count: 201 })]);
  });

  it('nudges: one address may ask for limits.nudgesPerAddress, one ticket limits.nudgeRequestsPerTicket, then rate-limited, logged as one line each', async () => {
    await start((c) => {
      c.limits.nudgesPerAddress = 5;
      c.limits.nudgeRequestsPerTicket = 4;
    });
    const key = phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS.north!);
    // MONDAY_7_00 is 04:00 UTC: north has not described itself, so its office day is counted in UTC.
    const token = (ticketId: string) => signPhoneToken({ officeId: 'north', ticketId, officeDay: '2026-11-23' }, key);
    const nudge = (ticketId: string, from: string) =>
      new Promise<{ status: number; code?: string }>((resolve, reject) => {
        const body = JSON.stringify({
          peopleLeft: 3,
          channel: { kind: 'web-push', subscription: { endpoint: `https://fcm.googleapis.com/fcm/send/${ticketId}-${from}`, keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } } },
        });
        const req = httpRequest(
          { host: '127.0.0.1', port: central.port, path: `/api/phone/${token(ticketId)}/nudges`, method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json' } },
          (response) => {
            let text = '';
            response.setEncoding('utf8').on('data', (c: string) => (text += c));
            response.on('end', () => resolve({ status: response.statusCode!, code: (JSON.parse(text) as { code?: string }).code }));
          },
        );
        req.on('error', reject).end(body);
      });
    // One address, a new ticket each time (each ticket well inside its own limit): 5 taken, then none.
    const fromOne = [];
    for (let i = 0; i < 12; i += 1) fromOne.push(await nudge(`t${i}`, '127.0.0.2'));
    expect(fromOne.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(fromOne.slice(5)).toEqual(Array.from({ length: 7 }, () => ({ status: 429, code: 'rate-limited' })));
    expect((await nudge('t100', '127.0.0.1')).status).toBe(200);
    // One ticket's token from many addresses (a ticket photographed and passed round): 4 requests,
    // of which phone.maxNudgesPerTicket (3) are kept, then refused before any work.
    const oneTicket = [];
    for (let i = 0; i < 8; i += 1) oneTicket.push(await nudge('t200', `127.0.1.${i + 1}`));
    expect(oneTicket.map((a) => a.status)).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    await central.stop();
    expect(refusalLines()).toEqual([
      expect.objectContaining({ source: '127.0.0.2', reason: 'nudges-per-address', count: 7 }),
      expect.objectContaining({ source: 'north/t200/2026-11-23', reason: 'nudges-per-ticket', count: 4 }),
    ]);
  });

  it("«Я на месте»: each press asks the office, so one address gets limits.remoteArrivalsPerAddress, one ticket limits.remoteArrivalsPerTicket, and the office is asked no more", async () => {
    await start((c) => {
      c.limits.remoteArrivalsPerAddress = 5;
      c.limits.remoteArrivalsPerTicket = 3;
    });
    const office = await central.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() });
    let asked = 0;
    office.on('remote:arrive', (_request: unknown, ack: (answer: unknown) => void) => {
      asked += 1;
      ack({ ok: true });
    });
    const key = phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS.north!);
    const token = (ticketId: string) => signPhoneToken({ officeId: 'north', ticketId, officeDay: '2026-11-23' }, key);
    const arrive = async (ticketId: string, from: string) => {
      const answer = await call(`/api/phone/${token(ticketId)}/arrived`, { method: 'POST', from, headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: answer.status, code: (JSON.parse(answer.body) as { code?: string }).code };
    };
    // A script on one address, a new ticket each time: 5 reach the office, the rest are turned away.
    const fromOne = [];
    for (let i = 0; i < 12; i += 1) fromOne.push(await arrive(`t${i}`, '127.0.0.2'));
    expect(fromOne.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(fromOne.slice(5)).toEqual(Array.from({ length: 7 }, () => ({ status: 429, code: 'rate-limited' })));
    // One ticket's token from many addresses: 3 presses, then refused before the office hears of it.
    const oneTicket = [];
    for (let i = 0; i < 6; i += 1) oneTicket.push((await arrive('t200', `127.0.1.${i + 1}`)).status);
    expect(oneTicket).toEqual([200, 200, 200, 429, 429, 429]);
    expect(asked).toBe(8);
    // A visitor elsewhere still arrives.
    expect((await arrive('t300', '127.0.0.1')).status).toBe(200);
    await central.stop();
    expect(refusalLines()).toEqual([
      expect.objectContaining({ source: '127.0.0.2', reason: 'arrivals-per-address', count: 7 }),
      expect.objectContaining({ source: 'north/t200/2026-11-23', reason: 'arrivals-per-ticket', count: 3 }),
    ]);
  });

  it('finding 1: a handshake flood on /office with a wrong key is cut off, logged in a few lines, and GET /api/offices keeps answering', async () => {
    await start();
    const manager = new Manager(central.url, { transports: ['websocket'], reconnection: false, autoConnect: false, localAddress: '127.0.0.2' } as never);
    await new Promise<void>((resolve, reject) => manager.open((error) => (error ? reject(error) : resolve())));
    const engine = manager.engine;
    const closed = new Promise<string>((resolve) => engine.once('close', (reason: string) => resolve(reason)));
    // 40/office,{auth} on the wire (the engine adds the 4): a namespace connect packet, sent in a loop
    // on one websocket as in the finding, letting the socket drain between batches, at most 3,000.
    const packet = `0/office,${JSON.stringify({ officeId: 'north', key: 'wrong-key' })}`;
    let sent = 0;
    const offices = fetch(`${central.url}/api/offices`);
    while (sent < 3000 && engine.readyState === 'open') {
      for (let i = 0; i < 50; i += 1, sent += 1) engine.write(packet);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await closed).toBe('transport close');
    expect(sent).toBeLessThan(3000);
    expect((await offices).status).toBe(200);
    // The address is now refused at the door, even with the right key, before any Socket.IO work;
    // the real office at another address links as before.
    const again = io(`${central.url}/office`, { auth: { officeId: 'north', key: TEST_OFFICE_KEYS.north }, transports: ['websocket'], reconnection: false, forceNew: true, localAddress: '127.0.0.2' } as never);
    expect(await new Promise((resolve) => (again.once('connect', () => resolve('linked')), again.once('connect_error', () => resolve('refused'))))).toBe('refused');
    again.disconnect();
    await central.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });

    await central.stop();
    const refused = refusalLines();
    expect(refused.length).toBeLessThanOrEqual(4);
    const total = refused.reduce((sum, l) => sum + (l['count'] as number), 0);
    // Ten wrong keys, then the connection goes: nowhere near the 5,000 packets sent.
    expect(total).toBeGreaterThanOrEqual(10);
    expect(total).toBeLessThan(200);
    expect(lines.filter((l) => l['msg'] === 'office refused: wrong id or key')).toHaveLength(0);
  });

  it('finding 1 without a namespace: every Engine.IO handshake counts per address, sessions per address are capped, an office elsewhere links', async () => {
    // The defaults: 600 new connections a minute and 200 open per address; refusals held 1 s.
    await start();
    const flood = await pollingHandshakes(central.port, '127.0.0.2', { forMs: 3000 }, 8);
    // Before: every handshake got a session, each held for pingInterval + pingTimeout (150,000 in
    // 12 s: +770 MiB), here about 3,000 in these 3 s. Now at most 200 open, and each of the 8
    // connections gets one refusal a second once the address is over.
    expect(flood.opened).toBeLessThanOrEqual(600);
    expect(flood.opened + flood.refused).toBeLessThan(1000);
    expect(central.service.io.engine.clientsCount).toBeLessThanOrEqual(200);
    expect((await call('/api/offices')).status).toBe(200);
    await central.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    await central.stop();
    const refused = refusalLines();
    expect(refused.length).toBeLessThanOrEqual(3);
    expect(refused.filter((l) => l['source'] === '127.0.0.2').reduce((sum, l) => sum + (l['count'] as number), 0)).toBeGreaterThanOrEqual(flood.refused);
  });

  it('finding 1 without a namespace: past limits.connectAttemptsPerAddress an address is refused at the door; a session that joins nothing goes after limits.connectTimeoutMs', async () => {
    await start((c) => {
      c.limits.connectAttemptsPerAddress = 30;
      c.limits.connectTimeoutMs = 1000;
      // Refusals answered at once, to count them.
      c.limits.connectRefusalDelayMs = 0;
    });
    expect(await pollingHandshakes(central.port, '127.0.0.2', 100)).toEqual({ opened: 30, refused: 70 });
    // None of the 30 joined a namespace: gone after the connect timeout, not pingInterval + pingTimeout (35 s).
    await vi.waitFor(() => expect(central.service.io.engine.clientsCount).toBe(0), { timeout: 3000, interval: 50 });
    // Still refused for the rest of the window, even with a right key; another address links.
    const again = io(`${central.url}/office`, { auth: { officeId: 'north', key: TEST_OFFICE_KEYS.north }, transports: ['websocket'], reconnection: false, forceNew: true, localAddress: '127.0.0.2' } as never);
    expect(await new Promise((resolve) => (again.once('connect', () => resolve('linked')), again.once('connect_error', () => resolve('refused'))))).toBe('refused');
    again.disconnect();
    await central.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    await central.stop();
    expect(refusalLines()).toEqual([expect.objectContaining({ source: '127.0.0.2', reason: 'connect-attempts', count: 71 })]);
  });

  it('every /phone event counts against the connection\'s bucket: past the burst rate-limited, a flood is disconnected, logged aggregated', async () => {
    await start();
    const page = io(`${central.url}/phone`, { transports: ['websocket'], reconnection: false, forceNew: true, localAddress: '127.0.0.2' } as never);
    await new Promise<void>((resolve, reject) => (page.once('connect', () => resolve()), page.once('connect_error', reject)));
    // The default bucket: 20 at once, then 5 a second.
    const answers = await Promise.all(Array.from({ length: 60 }, () => page.timeout(5000).emitWithAck('ticket:watch', { token: 'x.y.z.w' }) as Promise<{ ok: boolean; code: string }>));
    expect(answers.filter((a) => a.code === 'rate-limited')).toHaveLength(40);
    expect(answers.filter((a) => a.code !== 'rate-limited').every((a) => !a.ok)).toBe(true);
    // Events the namespace does not even know count too; one that goes on flooding is cut off.
    const gone = new Promise<string>((resolve) => page.once('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 1000; i += 1) page.emit('made-up', {});
    expect(await gone).toBe('io server disconnect');
    await central.stop();
    expect(refusalLines().map((l) => [l['source'], l['reason'], l['count']])).toEqual([
      ['phone:127.0.0.2', 'rate-limited', 199],
      ['phone:127.0.0.2', 'event-flood-disconnected', 1],
    ]);
  });

  it('every /office event counts against the link\'s bucket (limits.officeEventsPerSecond, officeEventBurst); the frame cap is limits.maxMessageBytes', async () => {
    await start((c) => {
      c.limits.officeEventsPerSecond = 5;
      c.limits.officeEventBurst = 10;
      c.limits.maxMessageBytes = 100 * 1024;
    });
    expect((central.service.io.engine as unknown as { opts: { maxHttpBufferSize: number } }).opts.maxHttpBufferSize).toBe(100 * 1024);
    const office = await central.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    const answers = await Promise.all(Array.from({ length: 30 }, () => office.timeout(5000).emitWithAck('bookings:pull', { since: 0 }) as Promise<{ ok: boolean; code?: string }>));
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(answers.filter((a) => a.code === 'rate-limited')).toHaveLength(20);
    await central.stop();
    expect(refusalLines()).toEqual([expect.objectContaining({ source: 'office:127.0.0.1', reason: 'rate-limited', count: 20 })]);
  });

  it('finding 6 at central: quality-view guesses count per normalised login too, so spreading them over addresses or spellings gains nothing', async () => {
    const passwordHash = await hashPassword('квартальный отчёт 2026');
    await start((c) => {
      c.qualityUsers = [{ login: 'ivanova', name: 'Иванова М. П.', passwordHash }, { login: 'petrov', name: 'Петров И. С.', passwordHash }];
      c.limits.qualityLoginFailuresPerLogin = 3;
    });
    const login = (name: string, password: string, from: string) =>
      call('/api/quality/login', { method: 'POST', from, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: name, password }) });
    // Typed with trailing spaces or capitals it is the same account, and it logs in.
    expect((await login('ivanova   ', 'квартальный отчёт 2026', '127.0.0.9')).status).toBe(200);
    // Three wrong guesses from three addresses and three spellings, each far under the per-address limit.
    expect((await login('ivanova', 'guess-1', '127.0.0.2')).status).toBe(401);
    expect((await login('IVANOVA ', 'guess-2', '127.0.0.3')).status).toBe(401);
    expect((await login('  Ivanova', 'guess-3', '127.0.0.4')).status).toBe(401);
    // The login is locked for the window, from anywhere and however typed, even with the right password.
    for (const [name, from] of [['ivanova   ', '127.0.0.5'], ['ivanova', '127.0.0.6'], ['IVANOVA', '127.0.0.7']] as const) {
      const refused = await login(name, 'квартальный отчёт 2026', from);
      expect(refused.status).toBe(429);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, code: 'rate-limited' });
    }
    // Another account is not affected.
    expect((await login('petrov', 'квартальный отчёт 2026', '127.0.0.5')).status).toBe(200);

    await central.stop();
    expect(refusalLines()).toEqual([expect.objectContaining({ source: 'login:ivanova', reason: 'quality-login-locked', count: 3 })]);
  });

  it('finding 2: one address holds at most its share of connections; slow headers are dropped; /healthz answers', async () => {
    await start((c) => {
      c.limits.maxConnectionsPerAddress = 20;
      c.limits.headersTimeoutMs = 1000;
    });
    const sockets: TcpSocket[] = [];
    for (let i = 0; i < 30; i += 1) {
      const socket = connect({ host: '127.0.0.1', port: central.port, localAddress: '127.0.0.2' });
      sockets.push(socket);
      socket.on('error', () => {});
      socket.resume();
      // A header line and then silence, as a slow-loris client keeps a socket.
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    }
    expect((await call('/healthz')).status).toBe(200);
    // All 30 are gone: 10 at once (over the cap), the other 20 when their headers did not come in time.
    await vi.waitFor(() => expect(sockets.filter((s) => s.readyState !== 'closed')).toHaveLength(0), { timeout: 15_000, interval: 100 });
    const open = await new Promise<number>((resolve) => central.service.httpServer.getConnections((_e, n) => resolve(n)));
    expect(open).toBe(0);
    expect((await call('/healthz', { from: '127.0.0.2' })).status).toBe(200);
    await central.stop();
    expect(refusalLines()).toEqual([expect.objectContaining({ source: '127.0.0.2', reason: 'connections-per-address', count: 10 })]);
  });

  it('finding 10: security headers on every answer, Socket.IO only from central itself or a configured origin', async () => {
    await start((c) => (c.booking.allowedOrigins = ['https://energo.example']));
    for (const path of ['/', '/api/offices', '/api/nothing']) {
      const { headers } = await call(path);
      expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    const attempt = (origin: string) =>
      new Promise<boolean>((resolve) => {
        const socket = io(`${central.url}/office`, {
          auth: { officeId: 'south', key: TEST_OFFICE_KEYS.south },
          transports: ['polling'],
          extraHeaders: { origin },
          reconnection: false,
          forceNew: true,
        });
        socket.once('connect', () => (socket.disconnect(), resolve(true)));
        socket.once('connect_error', () => (socket.disconnect(), resolve(false)));
      });
    expect(await attempt('https://evil.example')).toBe(false);
    expect(await attempt('https://energo.example')).toBe(true);
    expect(await attempt(central.url)).toBe(true);
  });
});
