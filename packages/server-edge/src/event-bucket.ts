import type { RefusalLog } from './refusal-log.js';

/** Events one connection may send: a steady rate and a burst above it. */
export interface EventLimits {
  perSecond: number;
  burst: number;
  /** Events refused before the bucket has once been full again, past which the connection is closed. */
  refusalsBeforeDisconnect: number;
}

/** What the bucket says of one event. */
export type EventVerdict = 'take' | 'refuse' | 'disconnect';

/**
 * A token bucket per connection, counting every event it sends, known or not: people press a few
 * buttons a second, an office pushes a batch at a time, a flood is refused. A connection that goes
 * on being refused (`refusalsBeforeDisconnect` refusals without once letting its bucket fill up
 * again) is told `disconnect`: answering 500,000 refusals costs more than a reconnect, and a new
 * connection is counted by the socket door. The limits are read at each event, so a changed
 * config applies to open connections too; null turns the bucket off (benchmarks).
 */
export function createEventBucket(limits: () => EventLimits | null, now: () => number): { take(): EventVerdict } {
  let tokens: number | undefined;
  let last = now();
  let refusals = 0;
  return {
    take() {
      const limit = limits();
      if (!limit) return 'take';
      const current = now();
      const refilled = Math.min(limit.burst, (tokens ?? limit.burst) + ((current - last) / 1000) * limit.perSecond);
      last = current;
      // Full again: whatever was refused before was a burst, not a flood.
      if (refilled >= limit.burst) refusals = 0;
      if (refilled >= 1) {
        tokens = refilled - 1;
        return 'take';
      }
      tokens = refilled;
      refusals += 1;
      return refusals >= limit.refusalsBeforeDisconnect ? 'disconnect' : 'refuse';
    },
  };
}

/** A Socket.IO server socket as far as the limiter needs it. */
interface LimitedSocket {
  readonly connected: boolean;
  disconnect(close?: boolean): unknown;
}

export interface EventGateOptions {
  limits: () => EventLimits | null;
  now: () => number;
  refusals: RefusalLog;
  /** The refusal log's source: the role and the client's address. */
  source: string;
}

/**
 * One connection's bucket with what follows from its verdict: `pass` for an event the sender may
 * send; `refused` for one over the rate (logged aggregated; the caller answers `rate-limited`);
 * `dropped` for one that needs no answer: the connection is closed, or has just been closed for
 * flooding. Both servers' namespaces put every event through it.
 */
export function createEventGate(socket: LimitedSocket, options: EventGateOptions): () => 'pass' | 'refused' | 'dropped' {
  const bucket = createEventBucket(options.limits, options.now);
  return () => {
    // Events already read off the wire when the connection was closed for flooding: dropped, uncounted.
    if (!socket.connected) return 'dropped';
    const verdict = bucket.take();
    if (verdict === 'take') return 'pass';
    if (verdict === 'disconnect') {
      // Refused on and on without slowing down: answering each costs more than the reconnect,
      // and a new connection is counted at the socket door.
      options.refusals.refused(options.source, 'event-flood-disconnected');
      socket.disconnect(true);
      return 'dropped';
    }
    options.refusals.refused(options.source, 'rate-limited');
    return 'refused';
  };
}

/**
 * Puts an event gate (createEventGate) in front of every event a socket sends, as Socket.IO
 * middleware, so no handler and no `onAny` sees an event over the rate. A refused event with an
 * ack callback is answered `{ ok: false, code: 'rate-limited' }`.
 */
export function limitSocketEvents(socket: LimitedSocket & { use(middleware: (packet: unknown[], next: (error?: Error) => void) => void): unknown }, options: EventGateOptions): void {
  const gate = createEventGate(socket, options);
  socket.use((packet, next) => {
    const outcome = gate();
    if (outcome === 'pass') return next();
    const ack = packet.at(-1);
    if (outcome === 'refused' && typeof ack === 'function') (ack as (answer: unknown) => void)({ ok: false, code: 'rate-limited', message: 'too many events; slow down' });
  });
}
