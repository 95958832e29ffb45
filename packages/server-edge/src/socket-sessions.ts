import type { IncomingMessage } from 'node:http';
import { createFailureCounter, type FailureCounter } from './failure-counter.js';
import type { RefusalLog } from './refusal-log.js';

/** What one address may open of Engine.IO sessions (each Socket.IO client is one, polling or websocket). */
export interface SessionLimits {
  /** New sessions (Engine.IO handshakes) one address may start per `attemptWindowMs`. */
  attemptsPerAddress: number;
  attemptWindowMs: number;
  /** Sessions one address may hold open at once. */
  sessionsPerAddress: number;
  /** Addresses the attempt table remembers at most (least recently seen dropped first). */
  trackedAddresses: number;
  /** Socket.IO's `connectTimeout`: a session that has joined no namespace by then is closed. */
  connectTimeoutMs: number;
}

/**
 * After Socket.IO's connect timeout closes a polling session that joined no namespace, engine.io
 * waits for the client's next poll to say so, up to 30 s (its polling `closeTimeout`); a client
 * that never polls again (a flood) keeps the session that long. This much after the timeout, a
 * session still closing is ended without waiting (an honest client polls again within
 * milliseconds, and one that does not will find its session gone and connect anew).
 */
const CLOSING_GRACE_MS = 500;

/** The Engine.IO session as far as the guard needs it (engine.io's `Socket`). */
interface EngineSession {
  readonly request: IncomingMessage;
  readonly readyState: string;
  once(event: 'close', listener: () => void): unknown;
  /** `discard`: do not wait for a polling client's next request to tell it. */
  close(discard?: boolean): unknown;
  /** engine.io's own end of a session (emits `close`, drops it from the server's clients). */
  onClose?(reason: string): unknown;
}

export interface SocketSessions {
  /**
   * `allowRequest`'s part, called for each Engine.IO handshake (a request with no session id):
   * counts the attempt and answers the refusal's reason, or undefined to let it through.
   */
  admit(address: string): 'connect-attempts' | 'sessions-per-address' | undefined;
  /** Counts io.engine's sessions from its `connection` to each one's `close` (call once, after the Server is made). */
  watch(engine: { on(event: 'connection', listener: (session: EngineSession) => void): unknown }): void;
  /** Sessions open now from the address. */
  openFrom(address: string): number;
}

/**
 * Engine.IO's handshake (`GET /socket.io/?EIO=4&transport=polling`) costs the server a session
 * object that lives for pingInterval + pingTimeout even if it never joins a namespace: 160,000 of
 * them in 12 s took an office from 106 to 958 MiB, and the failed-handshake counter never saw
 * them (no namespace, no token). So every new session is counted per address in a bounded table
 * (`attemptsPerAddress` per window), and the sessions an address holds open are capped
 * (`sessionsPerAddress`), counted from the engine's `connection` to the session's `close`. Socket.IO's
 * `connectTimeout` (set by the caller, and given here as `connectTimeoutMs`) drops a session that never
 * joins a namespace. Limits are read
 * at each handshake, so a changed config applies at once (a changed attempt limit starts a new table).
 */
export function createSocketSessions(options: {
  limits: () => SessionLimits;
  addressOf: (request: IncomingMessage) => string;
  refusals: RefusalLog;
  now: () => number;
}): SocketSessions {
  const open = new Map<string, number>();
  let attempts: FailureCounter | undefined;
  let attemptsShape = '';
  const attemptTable = (limits: SessionLimits) => {
    const shape = `${limits.attemptsPerAddress}/${limits.attemptWindowMs}/${limits.trackedAddresses}`;
    if (!attempts || shape !== attemptsShape) {
      attemptsShape = shape;
      attempts = createFailureCounter({ max: limits.attemptsPerAddress, windowMs: limits.attemptWindowMs, maxTracked: limits.trackedAddresses, now: options.now });
    }
    return attempts;
  };

  const watch = (engine: { on(event: 'connection', listener: (session: EngineSession) => void): unknown }) =>
    engine.on('connection', (session) => {
      const address = options.addressOf(session.request);
      const count = (open.get(address) ?? 0) + 1;
      open.set(address, count);
      const unjoined = setTimeout(() => {
        // Already closing, so close(true) would not act again: end it as engine.io's own timer would.
        if (session.readyState === 'closing') session.onClose?.('forced close');
      }, options.limits().connectTimeoutMs + CLOSING_GRACE_MS);
      unjoined.unref();
      session.once('close', () => {
        clearTimeout(unjoined);
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
      // allowRequest checked the count, but several handshakes of one address may be between that
      // check and this event at once (the session id is made asynchronously): the cap holds here.
      if (count > options.limits().sessionsPerAddress) {
        options.refusals.refused(address, 'sessions-per-address');
        session.close(true);
      }
    });

  return {
    admit(address) {
      const limits = options.limits();
      const table = attemptTable(limits);
      if (table.blocked(address)) return 'connect-attempts';
      if ((open.get(address) ?? 0) >= limits.sessionsPerAddress) return 'sessions-per-address';
      table.fail(address);
      return undefined;
    },
    watch,
    openFrom: (address) => open.get(address) ?? 0,
  };
}
