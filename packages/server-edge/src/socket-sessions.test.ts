import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createRefusalLog } from './refusal-log.js';
import { createSocketSessions, type SessionLimits } from './socket-sessions.js';

/** An engine.io session as the guard sees it, from a chosen address. */
class FakeSession extends EventEmitter {
  readyState = 'open';
  closed: boolean | undefined;
  constructor(address: string) {
    super();
    Object.assign(this, { request: { socket: { remoteAddress: address }, headers: {} } });
  }
  close(discard?: boolean) {
    this.closed = discard ?? false;
    this.readyState = 'closed';
    this.emit('close');
  }
}

function setUp(limits: Partial<SessionLimits> = {}) {
  let now = 0;
  const lines: Record<string, unknown>[] = [];
  const refusals = createRefusalLog({ warn: (fields) => lines.push(fields as Record<string, unknown>) }, { everyMs: 60_000, maxSources: 10 });
  const engine = new EventEmitter();
  const sessions = createSocketSessions({
    limits: () => ({ attemptsPerAddress: 3, attemptWindowMs: 60_000, sessionsPerAddress: 2, trackedAddresses: 100, connectTimeoutMs: 5000, ...limits }),
    addressOf: (request) => request.socket.remoteAddress!,
    refusals,
    now: () => now,
  });
  sessions.watch(engine as never);
  const open = (address: string) => {
    const session = new FakeSession(address);
    engine.emit('connection', session);
    return session;
  };
  return { sessions, open, lines, refusals, later: (ms: number) => (now += ms) };
}

describe('socket sessions per address', () => {
  it('lets an address start attemptsPerAddress sessions per window, then refuses it until the window ends; others are not touched', () => {
    const { sessions, later } = setUp({ sessionsPerAddress: 100 });
    expect([1, 2, 3, 4].map(() => sessions.admit('10.0.0.2'))).toEqual([undefined, undefined, undefined, 'connect-attempts']);
    expect(sessions.admit('10.0.0.3')).toBeUndefined();
    later(60_000);
    expect(sessions.admit('10.0.0.2')).toBeUndefined();
  });

  it('caps the sessions an address holds, counting from connection to close', () => {
    const { sessions, open } = setUp({ attemptsPerAddress: 100 });
    const first = open('10.0.0.2');
    open('10.0.0.2');
    expect(sessions.admit('10.0.0.2')).toBe('sessions-per-address');
    first.close();
    expect(sessions.openFrom('10.0.0.2')).toBe(1);
    expect(sessions.admit('10.0.0.2')).toBeUndefined();
  });

  it('closes a session over the cap that passed the door at the same time as others, and logs it aggregated', () => {
    const { sessions, open, lines, refusals } = setUp({ attemptsPerAddress: 100 });
    const opened = [open('10.0.0.2'), open('10.0.0.2'), open('10.0.0.2')];
    expect(opened.map((s) => s.closed)).toEqual([undefined, undefined, true]);
    expect(sessions.openFrom('10.0.0.2')).toBe(2);
    refusals.close();
    expect(lines).toEqual([expect.objectContaining({ source: '10.0.0.2', reason: 'sessions-per-address', count: 1 })]);
  });

  it('ends a session still closing just after the connect timeout (a polling client that never polls again)', () => {
    vi.useFakeTimers();
    try {
      const { sessions, open } = setUp({ connectTimeoutMs: 1000 });
      const session = open('10.0.0.2') as FakeSession & { onClose?: (reason: string) => void };
      const ended: string[] = [];
      session.onClose = (reason) => {
        ended.push(reason);
        session.emit('close');
      };
      // Socket.IO's connect timeout put it in `closing`; engine.io would wait 30 s for the next poll.
      session.readyState = 'closing';
      vi.advanceTimersByTime(1400);
      expect(ended).toEqual([]);
      vi.advanceTimersByTime(200);
      expect(ended).toEqual(['forced close']);
      expect(sessions.openFrom('10.0.0.2')).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
