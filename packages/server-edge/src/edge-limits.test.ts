import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capConnectionsPerAddress } from './connection-cap.js';
import { createFailureCounter } from './failure-counter.js';
import { originAllowed } from './origin-check.js';
import { createRefusalLog } from './refusal-log.js';
import { securityHeaders } from './security-headers.js';
import { createLimitedServer } from './server-limits.js';
import { socketDoor } from './socket-door.js';

const LIMITS = { maxConnections: 100, headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000 };

describe('limited server and the per-address cap', () => {
  const sockets: Socket[] = [];
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.destroy());
    await close?.();
  });

  it('drops connections over the per-address cap at once and slow-header sockets after headersTimeout', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const refusals = createRefusalLog({ warn: (fields) => lines.push(fields as Record<string, unknown>) }, { everyMs: 60_000, maxSources: 10 });
    const server = createLimitedServer(LIMITS, (_req, res) => res.end('ok'));
    expect(server.headersTimeout).toBe(1000);
    expect(server.maxConnections).toBe(100);
    capConnectionsPerAddress(server, { max: () => 3, refusals });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const closedAt: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) {
      const socket = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' });
      socket.on('error', () => {}).on('close', () => closedAt.push(Date.now() - started));
      socket.resume();
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
      sockets.push(socket);
    }
    // Two over the cap go at once; the three within it go when their headers do not arrive.
    await vi.waitFor(() => expect(closedAt.length).toBe(5), { timeout: 5000, interval: 50 });
    expect(closedAt.filter((ms) => ms < 500)).toHaveLength(2);
    expect(Math.max(...closedAt)).toBeLessThan(4000);
    refusals.close();
    expect(lines).toEqual([expect.objectContaining({ source: '127.0.0.2', reason: 'connections-per-address', count: 2 })]);
  });
});

describe('socket door (allowRequest)', () => {
  it('refuses a blocked address and a foreign origin, counting each in the refusal log', () => {
    const lines: Array<Record<string, unknown>> = [];
    const refusals = createRefusalLog({ warn: (fields) => lines.push(fields as Record<string, unknown>) }, { everyMs: 60_000, maxSources: 10 });
    const failures = createFailureCounter({ max: 2, windowMs: 60_000, maxTracked: 10, now: () => 0 });
    const door = socketDoor({ handshakeFailures: failures, refusals, addressOf: (r) => r.socket.remoteAddress!, allowedOrigins: () => ['https://ok.example'], blockedReason: 'handshake-limit' });
    const ask = (address: string, origin?: string) => {
      let answer: boolean | undefined;
      door({ socket: { remoteAddress: address }, headers: { host: 'office:8080', ...(origin && { origin }) } } as never, (_e, ok) => (answer = ok));
      return answer;
    };
    expect(ask('10.0.0.9')).toBe(true);
    failures.fail('10.0.0.9');
    failures.fail('10.0.0.9');
    expect(ask('10.0.0.9')).toBe(false);
    expect(ask('10.0.0.8', 'https://evil.example')).toBe(false);
    expect(ask('10.0.0.8', 'http://office:8080')).toBe(true);
    expect(ask('10.0.0.8', 'https://ok.example')).toBe(true);
    refusals.close();
    expect(lines).toEqual([
      expect.objectContaining({ source: '10.0.0.9', reason: 'handshake-limit', count: 1 }),
      expect.objectContaining({ source: '10.0.0.8', reason: 'socket-origin', count: 1 }),
    ]);
  });

  it('holds a refusal for refusalDelayMs before answering it, and lets a good request through at once', () => {
    vi.useFakeTimers();
    try {
      const refusals = createRefusalLog({ warn: () => {} }, { everyMs: 60_000, maxSources: 10 });
      const failures = createFailureCounter({ max: 1, windowMs: 60_000, maxTracked: 10, now: () => 0 });
      failures.fail('10.0.0.9');
      const door = socketDoor({ handshakeFailures: failures, refusals, addressOf: (r) => r.socket.remoteAddress!, allowedOrigins: () => [], blockedReason: 'handshake-limit', refusalDelayMs: () => 1000 });
      const answers: Array<[string, boolean]> = [];
      const ask = (address: string) => door({ socket: { remoteAddress: address }, headers: { host: 'office:8080' } } as never, (_e, ok) => answers.push([address, ok]));
      ask('10.0.0.9');
      ask('10.0.0.8');
      expect(answers).toEqual([['10.0.0.8', true]]);
      vi.advanceTimersByTime(999);
      expect(answers).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(answers).toEqual([['10.0.0.8', true], ['10.0.0.9', false]]);
      refusals.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('origin: none (a program), its own host, a listed one; never a look-alike or garbage', () => {
    expect(originAllowed(undefined, 'h:1', [])).toBe(true);
    expect(originAllowed('http://h:1', 'h:1', [])).toBe(true);
    expect(originAllowed('http://h:1.evil', 'h:1', [])).toBe(false);
    expect(originAllowed('null', 'h:1', [])).toBe(false);
  });
});

describe('security headers', () => {
  it('forbid framing and sniffing, send no referrer, and allow a named inline style by its hash only', () => {
    const headers = securityHeaders({ inlineStyles: ['body{}'] });
    expect(headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // sha256 of "body{}" in base64.
    expect(headers['content-security-policy']).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='/);
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});
