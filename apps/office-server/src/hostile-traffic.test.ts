import { request as httpRequest } from 'node:http';
import { connect as connectTcp, type Socket as TcpSocket } from 'node:net';
import { Writable } from 'node:stream';
import { io as connectClient, Manager, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollingHandshakes } from '@talon/server-edge/testing';
import { createRootLogger } from './logger.js';
import { command, DEMO_TOKENS, demoConfig, nextEvent, startTestOffice, type TestOffice } from './testing/test-office.js';

/** Issue 10, office side: each test failed on the code before the fix. */
let office: TestOffice | undefined;
afterEach(async () => {
  await office?.stop();
  office = undefined;
});

async function tryLogin(url: string, login: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  await response.body?.cancel();
  return response.status;
}

describe('login throttle (finding 6)', () => {
  it('counts "ivanova   " and "IVANOVA" against ivanova, so another spelling gets no more guesses', async () => {
    office = await startTestOffice();
    for (let i = 0; i < 8; i++) expect(await tryLogin(office.url, 'ivanova', `wrong-${i}`)).toBe(401);
    expect(await tryLogin(office.url, 'ivanova', 'demo')).toBe(429);
    expect(await tryLogin(office.url, 'ivanova   ', 'demo')).toBe(429);
    expect(await tryLogin(office.url, 'IVANOVA', 'demo')).toBe(429);
  });

  it('limits one address across many logins, in a bounded table', async () => {
    office = await startTestOffice();
    for (let i = 0; i < 30; i++) expect(await tryLogin(office.url, `nobody-${i}`, 'x')).toBe(401);
    // A real account from the same address is refused too: the address has used its guesses.
    expect(await tryLogin(office.url, 'head', 'demo')).toBe(429);
  });
});

describe('logout (finding 5)', () => {
  it('disconnects the session\'s open operator screen at once', async () => {
    office = await startTestOffice();
    const session = await office.login('ivanova');
    const socket = await office.connect('/operator', { session });
    const gone = nextEvent<string>(socket, 'disconnect');
    const response = await fetch(`${office.url}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${session}` } });
    expect(response.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });
});

describe('unknown events (finding 7)', () => {
  it('are counted by the connection\'s bucket and logged as one aggregated line, not one per event', async () => {
    let logBytes = 0;
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logBytes += chunk.length;
        done();
      },
    });
    office = await startTestOffice({ rateLimit: { perSecond: 20, burst: 40 }, logger: createRootLogger({ level: 'info', destination }) });
    const board = await office.connect('/board', { token: DEMO_TOKENS.board });
    const before = logBytes;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => command<{ ok: boolean; code?: string }>(board, `made-up:${i}`, {})));
    const codes = answers.map((a) => a.code);
    // Past the burst the bucket answers, whatever the event's name.
    expect(codes.filter((c) => c === 'rate-limited').length).toBeGreaterThan(100);
    expect(logBytes - before).toBeLessThan(2000);
  });
});

/** A logger that keeps each JSON line, and counts the bytes written. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  let bytes = 0;
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createRootLogger({ level: 'info', destination }), lines, bytes: () => bytes, refused: () => lines.filter((l) => l['msg'] === 'refused') };
}

/** A request from a chosen loopback address (fetch cannot bind one). */
function call(port: number, path: string, options: { from?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, localAddress: options.from ?? '127.0.0.1', headers: options.headers ?? {}, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (c: string) => (body += c));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    req.on('error', reject).end();
  });
}

const settled = (socket: ClientSocket) =>
  new Promise<'connected' | 'refused'>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  });

/** A kiosk with the right token connecting from the attacker's address, 127.0.0.2: refused at the door once the address is. */
async function kioskWithRightTokenFromAttacker(office: TestOffice): Promise<'connected' | 'refused'> {
  const socket = connectClient(`${office.url}/kiosk`, { auth: { token: DEMO_TOKENS.kiosk }, transports: ['websocket'], reconnection: false, forceNew: true, localAddress: '127.0.0.2' } as never);
  const outcome = await settled(socket);
  socket.disconnect();
  return outcome;
}

describe('handshake flood (finding 1)', () => {
  it('cuts off one websocket repeating 40/kiosk with a wrong token, logs a few lines, and refuses the address at the door', async () => {
    const log = capturedLogger();
    office = await startTestOffice({ logger: log.logger });
    const honest = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const manager = new Manager(office.url, { transports: ['websocket'], reconnection: false, autoConnect: false, localAddress: '127.0.0.2' } as never);
    await new Promise<void>((resolve, reject) => manager.open((error) => (error ? reject(error) : resolve())));
    const engine = manager.engine;
    const closed = new Promise<string>((resolve) => engine.once('close', (reason: string) => resolve(reason)));
    // `40/kiosk,{"token":"wrong"}` on the wire (the engine adds the leading 4), in a loop on one socket.
    const packet = `0/kiosk,${JSON.stringify({ token: 'wrong' })}`;
    let sent = 0;
    while (sent < 5000 && engine.readyState === 'open') {
      for (let i = 0; i < 50; i += 1, sent += 1) engine.write(packet);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await closed).toBe('transport close');
    expect(sent).toBeLessThan(5000);
    // The real kiosk at another address goes on as before.
    expect(await command(honest, 'kiosk:snapshot', {})).toMatchObject({ ok: true });
    // The attacker's address is refused before any namespace work, even with a right token.
    expect(await kioskWithRightTokenFromAttacker(office)).toBe('refused');
    await office.stop();
    office = undefined;
    const refused = log.refused();
    expect(refused.length).toBeLessThanOrEqual(4);
    const total = refused.reduce((sum, l) => sum + (l['count'] as number), 0);
    expect(total).toBeGreaterThanOrEqual(20);
    expect(total).toBeLessThan(300);
    expect(log.lines.filter((l) => l['msg'] === 'unknown device token')).toHaveLength(0);
  });
});

describe('Engine.IO handshake flood (finding 1, without a namespace)', () => {
  it('counts every handshake per address: past limits.connectAttemptsPerAddress the address is refused at the door, another connects', async () => {
    const log = capturedLogger();
    // The defaults: 120 new connections a minute, 50 open, per address; refusals held 1 s.
    office = await startTestOffice({ logger: log.logger });
    const flood = await pollingHandshakes(office.port, '127.0.0.2', { forMs: 3000 }, 8);
    // Before: every handshake got a session, each held for pingInterval + pingTimeout (160,000 in
    // 12 s: +850 MiB), here about 3,000 in these 3 s. Now a few sessions, and each of the 8
    // connections gets one refusal a second.
    expect(flood.opened).toBeLessThanOrEqual(120);
    expect(flood.opened + flood.refused).toBeLessThan(250);
    expect(office.app.io.engine.clientsCount).toBeLessThanOrEqual(50);
    // The real kiosk at another address connects and works; the attacker is refused even with a right token.
    const honest = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    expect(await command(honest, 'kiosk:snapshot', {})).toMatchObject({ ok: true });
    expect(await kioskWithRightTokenFromAttacker(office)).toBe('refused');
    await office.stop();
    office = undefined;
    // Aggregated: a line or two for 2,900 refusals.
    const refused = log.refused();
    expect(refused.length).toBeLessThanOrEqual(3);
    expect(refused.filter((l) => l['source'] === '127.0.0.2').reduce((sum, l) => sum + (l['count'] as number), 0)).toBeGreaterThanOrEqual(flood.refused);
  });

  it('caps the sessions one address holds (limits.socketSessionsPerAddress) and drops one that joins no namespace after limits.connectTimeoutMs', async () => {
    const log = capturedLogger();
    office = await startTestOffice({
      logger: log.logger,
      config: demoConfig((c) => {
        c.limits.connectAttemptsPerAddress = 10_000;
        c.limits.socketSessionsPerAddress = 10;
        c.limits.connectTimeoutMs = 1000;
        // Refusals answered at once, to count them.
        c.limits.connectRefusalDelayMs = 0;
      }),
    });
    const flood = await pollingHandshakes(office.port, '127.0.0.2', 50);
    expect(flood).toEqual({ opened: 10, refused: 40 });
    expect(office.app.io.engine.clientsCount).toBe(10);
    // Not one of them joined a namespace: gone after the connect timeout, not pingInterval + pingTimeout (18 s).
    await vi.waitFor(() => expect(office!.app.io.engine.clientsCount).toBe(0), { timeout: 3000, interval: 50 });
    expect(await pollingHandshakes(office.port, '127.0.0.2', 5)).toEqual({ opened: 5, refused: 0 });
    await office.stop();
    office = undefined;
    expect(log.refused()).toEqual([expect.objectContaining({ source: '127.0.0.2', reason: 'sessions-per-address', count: 40 })]);
  });
});

describe('event bucket from the config (limits.eventsPerSecond, eventBurst, eventRefusalsBeforeDisconnect)', () => {
  it('refuses past the burst with rate-limited, and closes a connection that keeps flooding', async () => {
    const log = capturedLogger();
    office = await startTestOffice({
      logger: log.logger,
      rateLimit: 'config',
      config: demoConfig((c) => {
        c.limits.eventsPerSecond = 5;
        c.limits.eventBurst = 10;
        c.limits.eventRefusalsBeforeDisconnect = 50;
      }),
    });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const answers = await Promise.all(Array.from({ length: 30 }, () => command<{ ok: boolean; code?: string }>(kiosk, 'kiosk:snapshot', {})));
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(answers.filter((a) => a.code === 'rate-limited')).toHaveLength(20);
    const gone = nextEvent<string>(kiosk, 'disconnect');
    for (let i = 0; i < 200; i += 1) kiosk.emit('kiosk:snapshot', {});
    expect(await gone).toBe('io server disconnect');
    await office.stop();
    office = undefined;
    expect(log.refused().map((l) => [l['reason'], l['count']])).toEqual([
      ['rate-limited', 49],
      ['event-flood-disconnected', 1],
    ]);
  });
});

describe('connection exhaustion (finding 2)', () => {
  it('holds one address to its share of connections, drops slow headers, and /healthz keeps answering', async () => {
    const log = capturedLogger();
    office = await startTestOffice({
      logger: log.logger,
      config: demoConfig((c) => {
        c.limits.maxConnectionsPerAddress = 20;
        c.limits.headersTimeoutMs = 1000;
      }),
    });
    expect(office.app.httpServer.maxConnections).toBe(2000);
    const sockets: TcpSocket[] = [];
    for (let i = 0; i < 30; i += 1) {
      const socket = connectTcp({ host: '127.0.0.1', port: office.port, localAddress: '127.0.0.2' });
      sockets.push(socket);
      socket.on('error', () => {});
      socket.resume();
      // A header line and then silence, as a slow-loris client keeps a socket.
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    }
    expect((await call(office.port, '/healthz')).status).toBe(200);
    await vi.waitFor(() => expect(sockets.filter((s) => s.readyState !== 'closed')).toHaveLength(0), { timeout: 10_000, interval: 100 });
    expect((await call(office.port, '/healthz', { from: '127.0.0.2' })).status).toBe(200);
    await office.stop();
    office = undefined;
    expect(log.refused()).toEqual([expect.objectContaining({ source: '127.0.0.2', reason: 'connections-per-address', count: 10 })]);
  });
});

describe('booking-code guesses at the kiosk (finding 3)', () => {
  it('limits wrong codes per kiosk token and per address, answers too-many-attempts, and logs aggregated', async () => {
    const log = capturedLogger();
    office = await startTestOffice({ logger: log.logger, config: demoConfig((c) => (c.limits.checkInGuessesPerKiosk = 5, c.limits.checkInGuessesPerAddress = 8)) });
    const attacker = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk }, { from: '127.0.0.2' });
    const guess = (socket: ClientSocket, n: number) => command<{ ok: boolean; code?: string }>(socket, 'booking:check-in', { code: String(100_000_000_000 + n) });
    for (let n = 0; n < 5; n += 1) expect(await guess(attacker, n)).toMatchObject({ ok: false, code: 'booking-not-found' });
    for (let n = 5; n < 105; n += 1) expect(await guess(attacker, n)).toMatchObject({ ok: false, code: 'too-many-attempts' });
    // The token is spent wherever it connects from; another kiosk elsewhere is not.
    const sameTokenElsewhere = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    expect(await guess(sameTokenElsewhere, 0)).toMatchObject({ code: 'too-many-attempts' });
    const otherKiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk2 });
    expect(await guess(otherKiosk, 0)).toMatchObject({ code: 'booking-not-found' });
    // Another token from the attacker's address gets what the address has left (8 - 5 = 3).
    const secondToken = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk2 }, { from: '127.0.0.2' });
    for (let n = 0; n < 3; n += 1) expect(await guess(secondToken, n)).toMatchObject({ code: 'booking-not-found' });
    expect(await guess(secondToken, 3)).toMatchObject({ code: 'too-many-attempts' });
    await office.stop();
    office = undefined;
    const refused = log.refused();
    expect(refused.find((l) => l['source'] === 'kiosk-1@127.0.0.2' && l['reason'] === 'check-in-guesses')).toMatchObject({ count: 100 });
    expect(refused.length).toBeLessThanOrEqual(6);
  });
});

describe('origins and headers (finding 10)', () => {
  it('lets a Socket.IO page connect only from the office itself or a configured origin', async () => {
    office = await startTestOffice({ config: demoConfig((c) => (c.limits.allowedOrigins = ['https://hall.energo.example'])) });
    const attempt = (origin: string) => office!.connect('/kiosk', { token: DEMO_TOKENS.kiosk }, { origin }).then(() => true, () => false);
    expect(await attempt('https://evil.example')).toBe(false);
    expect(await attempt('https://hall.energo.example')).toBe(true);
    expect(await attempt(office.url)).toBe(true);
  });

  it('sends CSP, frame-ancestors none, nosniff and no-referrer on every page and answer', async () => {
    office = await startTestOffice();
    for (const path of ['/', '/kiosk', '/board', '/admin', '/operator', '/healthz', '/t/nothing', '/nothing']) {
      const { headers } = await call(office.port, path);
      expect(headers, path).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], path).not.toContain('unsafe-inline');
    }
  });
});

describe('/metrics and /healthz (finding 10)', () => {
  it('without a token /metrics is for this machine only (404 elsewhere); with one, only the Bearer token opens it', async () => {
    office = await startTestOffice();
    expect((await call(office.port, '/metrics')).status).toBe(200);
    expect((await call(office.port, '/metrics', { from: '127.0.0.2' })).status).toBe(404);
    const health = await call(office.port, '/healthz', { from: '127.0.0.2' });
    expect(health.status).toBe(200);
    expect(Object.keys(JSON.parse(health.body) as object).sort()).toEqual(['central', 'status', 'uptimeSeconds']);
    await office.stop();
    const token = 'metrics-token-0123456789';
    office = await startTestOffice({ config: demoConfig((c) => (c.metrics.token = token)) });
    expect((await call(office.port, '/metrics')).status).toBe(401);
    expect((await call(office.port, '/metrics', { from: '127.0.0.2', headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const scraped = await call(office.port, '/metrics', { from: '127.0.0.2', headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('talon_waiting_tickets');
  });
});

describe('stopping (finding 10)', () => {
  it('stops in well under 5 s with print jobs still out, and tells the kiosk each was not printed', async () => {
    office = await startTestOffice({
      config: demoConfig((c) => (c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: 'tcp://127.0.0.1:9100', profile: 'generic-80mm' }])),
    });
    const agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
    await command(agent, 'device:hello', { agentVersion: 'test', printers: [{ printerId: 'printer-1', status: 'ok' }], buttons: [] });
    // A printer that takes the jobs and never answers, as a jammed one on a dead link would.
    agent.on('print:job', () => {});
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const results: { ticketId: string; printed: boolean }[] = [];
    kiosk.on('print:result', (r: { ticketId: string; printed: boolean }) => results.push(r));
    const issued: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const ack = await command<{ ok: boolean; print: string; ticket: { id: string } }>(kiosk, 'ticket:issue', { serviceId: 'payments' });
      expect(ack.print).toBe('queued');
      issued.push(ack.ticket.id);
    }
    const started = Date.now();
    await office.app.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await vi.waitFor(() => expect(results.map((r) => r.ticketId).sort()).toEqual(issued.sort()));
    expect(results.every((r) => !r.printed)).toBe(true);
  });
});
