import { MAX_EVENT_BYTES, formatPath, type Ack, type CommandSchemas, type ErrorCode } from '@talon/protocol';
import { clientAddress, createEventGate, type EventLimits, type RefusalLog } from '@talon/server-edge';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

export type CommandHandlers<C extends CommandSchemas, R extends { [K in keyof C]: object }> = {
  [K in keyof C]: (payload: z.output<C[K]>) => Promise<Ack<R[K]>> | Ack<R[K]>;
};

export function fail(code: ErrorCode, message: string): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message };
}

interface RouterOptions {
  role: string;
  logger: Logger;
  metrics: Metrics;
  /** The connection's event bucket (config `limits.eventsPerSecond`, read at each event); null: none. */
  eventLimits: () => EventLimits | null;
  now: () => number;
  /** Unknown events and rate-limit hits, one line per source per minute with a count. */
  refusals: RefusalLog;
  /** Whether the connection may still send (a person's session holds); if not, it is closed. */
  admit?: (socket: Socket) => boolean;
}

/**
 * Every command on every namespace passes the same gate: an ack callback, size, rate, schema,
 * then its handler; whatever goes wrong, the sender gets a code and the server keeps running.
 */
export function routeCommands<C extends CommandSchemas, R extends { [K in keyof C]: object }>(
  socket: Socket,
  commands: C,
  handlers: CommandHandlers<C, R>,
  options: RouterOptions,
): void {
  const log = options.logger.child({ role: options.role, socket: socket.id });
  const source = `${options.role}:${clientAddress(socket.handshake.address)}`;
  const gate = createEventGate(socket, { limits: options.eventLimits, now: options.now, refusals: options.refusals, source });

  socket.onAny(async (event: unknown, ...args: unknown[]) => {
    const started = performance.now();
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (result: unknown) => void) : undefined;
    const reply = (result: Ack) => {
      if (!result.ok) options.metrics.commandRefused(result.code);
      options.metrics.commandHandled(typeof event === 'string' ? event : '?', performance.now() - started);
      if (ack) ack(result);
      else if (!result.ok) socket.emit('command:error', { event: String(event), ...result });
    };

    if (options.admit && !options.admit(socket)) {
      socket.disconnect(true);
      return;
    }
    // The gate counts every event, known or not, before anything else is spent on it.
    const gated = gate();
    if (gated === 'dropped') return;
    if (gated === 'refused') return reply(fail('rate-limited', 'too many commands; slow down'));
    if (typeof event !== 'string' || !Object.hasOwn(commands, event)) {
      options.refusals.refused(source, 'unknown-event');
      return reply(fail('forbidden', `"${String(event).slice(0, 64)}" is not a ${options.role} command`));
    }
    if (args.length !== 1) return reply(fail('invalid-payload', 'send exactly one payload object and an ack callback'));
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(args[0]) ?? '');
    } catch {
      return reply(fail('invalid-payload', 'payload is not plain JSON'));
    }
    if (size > MAX_EVENT_BYTES) {
      log.warn({ event, size }, 'payload too large');
      return reply(fail('payload-too-large', `payload is ${size} bytes; the limit is ${MAX_EVENT_BYTES}`));
    }
    const schema = commands[event as keyof C]!;
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue ? `${formatPath(issue.path)}: ${issue.message}` : 'invalid payload';
      log.info({ event, problem: message }, 'invalid payload');
      return reply(fail('invalid-payload', message));
    }
    try {
      const handler = handlers[event as keyof C];
      reply(await handler(parsed.data as never));
    } catch (error) {
      log.error({ err: error, event }, 'command failed');
      reply(fail('internal', 'the server could not complete the command; nothing was changed'));
    }
  });
}
