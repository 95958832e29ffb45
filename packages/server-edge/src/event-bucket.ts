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
  use(middleware: (packet: unknown[], next: (error?: Error) => void) => void): unknown;
  disconnect(close?: boolean): unknown;
}

/**
 * Puts a bucket (createEventBucket) in front of every event a socket sends, as Socket.IO
 * middleware, so no handler and no `onAny` sees an event over the rate. A refused event with an
 * ack callback is answered `{ ok: false, code: 'rate-limited' }`; refusals and disconnects go to
 * the aggregated refusal log under `source`, never one line each.
 */
export function limitSocketEvents(socket: LimitedSocket, options: { limits: () => EventLimits | null; now: () => number; refusals: RefusalLog; source: string }): void {
  const bucket = createEventBucket(options.limits, options.now);
  socket.use((packet, next) => {
    // Events already read off the wire when the connection was closed for flooding: dropped, uncounted.
    if (!socket.connected) return;
    const verdict = bucket.take();
    if (verdict === 'take') return next();
    if (verdict === 'disconnect') {
      options.refusals.refused(options.source, 'event-flood-disconnected');
      socket.disconnect(true);
      return;
    }
    options.refusals.refused(options.source, 'rate-limited');
    const ack = packet.at(-1);
    if (typeof ack === 'function') (ack as (answer: unknown) => void)({ ok: false, code: 'rate-limited', message: 'too many events; slow down' });
  });
}
