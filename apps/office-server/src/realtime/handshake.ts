import type { DeviceConfig, DeviceRole, OperatorConfig, OperatorRole } from '@talon/protocol';
import { clientAddress } from '@talon/server-edge';
import type { Namespace, Socket } from 'socket.io';
import { deviceTokenMatches } from '../auth/device-token.js';
import { screenRoles, type Screen } from '../auth/permissions.js';
import type { OfficeContext } from '../office-context.js';

export interface SocketIdentity {
  device?: DeviceConfig;
  operator?: OperatorConfig;
  /** The login session a person connected with, so it can be ended with the others. */
  session?: string;
  /** The roles this person's screen needs; checked again when the config changes. */
  roles?: readonly OperatorRole[];
  /** When the session ends (epoch ms): the connection is closed then. */
  expiresAt?: number;
}

function refuse(code: 'unauthorized' | 'forbidden', message: string): Error {
  const error = new Error(code) as Error & { data: unknown };
  error.data = { code, message };
  return error;
}

function readAuth(socket: Socket): Record<string, unknown> {
  const auth = socket.handshake.auth as unknown;
  return auth && typeof auth === 'object' ? (auth as Record<string, unknown>) : {};
}

/** Kiosks, boards and agents connect with the token the administrator issued them. */
export function requireDevice(namespace: Namespace, context: OfficeContext, role: DeviceRole): void {
  namespace.use((socket, next) => {
    if (blockedAtDoor(socket, context)) return next(refuse('unauthorized', 'too many failed handshakes from this address'));
    const token = readAuth(socket).token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) {
      context.edge.handshakeRefused(socket, `${role}-token-missing`);
      return next(refuse('unauthorized', 'a device token is required'));
    }
    const device = context.directory.config.devices.find((d) => deviceTokenMatches(token, d.tokenHash));
    if (!device) {
      // Counted and logged aggregated, never one line per attempt (a flood wrote 38 MB of these).
      context.edge.handshakeRefused(socket, `${role}-token-unknown`);
      return next(refuse('unauthorized', 'unknown device token'));
    }
    if (device.role !== role) return next(refuse('forbidden', `device "${device.id}" is a ${device.role}, not a ${role}`));
    (socket.data as SocketIdentity).device = device;
    next();
  });
}

/**
 * People connect with the session from POST /api/login; a screen lets in the roles that hold some
 * right on it in the permissions table.
 */
export function requireOperator(namespace: Namespace, context: OfficeContext, screen: Screen): void {
  const roles = screenRoles(screen);
  namespace.use((socket, next) => {
    if (blockedAtDoor(socket, context)) return next(refuse('unauthorized', 'too many failed handshakes from this address'));
    const session = readAuth(socket).session;
    if (typeof session !== 'string' || session.length === 0 || session.length > 200) {
      context.edge.handshakeRefused(socket, 'session-missing');
      return next(refuse('unauthorized', 'log in first: POST /api/login'));
    }
    const found = context.sessions.lookup(session);
    const operator = found ? context.directory.operators.get(found.operatorId) : undefined;
    if (!operator) {
      context.edge.handshakeRefused(socket, 'session-unknown');
      return next(refuse('unauthorized', 'the session has expired; log in again'));
    }
    if (!operator.roles.some((role) => roles.includes(role)))
      return next(refuse('forbidden', `this screen needs the role ${roles.join(' or ')}`));
    (socket.data as SocketIdentity).operator = operator;
    (socket.data as SocketIdentity).session = session;
    (socket.data as SocketIdentity).roles = roles;
    (socket.data as SocketIdentity).expiresAt = found!.expiresAt;
    next();
  });
  namespace.on('connection', (socket) => endAtExpiry(socket, context));
}

/**
 * A session ends on time even on a screen that never sends another command: a timer closes the
 * connection at expiry (re-armed if the office clock says it is not there yet; it can only be
 * later than a timer's own count when the clock is set by hand).
 */
function endAtExpiry(socket: Socket, context: OfficeContext): void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = (identityOf(socket).expiresAt ?? 0) - context.clock.now();
    if (left <= 0) return void socket.disconnect(true);
    // setTimeout counts at most 2^31-1 ms; a longer wait takes two turns.
    timer = setTimeout(arm, Math.min(left, 2 ** 31 - 1));
    timer.unref();
  };
  arm();
  socket.once('disconnect', () => clearTimeout(timer));
}

/**
 * Checked before every command: a person's connection lives only as long as the session it was
 * opened with (expiry, logout, sign-out everywhere); a device's has no session and always holds.
 */
export function sessionHolds(socket: Socket, context: OfficeContext): boolean {
  const { session, operator } = identityOf(socket);
  if (session === undefined) return true;
  return context.sessions.lookup(session)?.operatorId === operator?.id;
}

/**
 * An address over its failed-handshake limit is refused before its token is even looked at: a
 * websocket opened before the limit was reached may still send connect packets.
 */
function blockedAtDoor(socket: Socket, context: OfficeContext): boolean {
  const address = clientAddress(socket.handshake.address);
  if (!context.edge.handshakeFailures.blocked(address)) return false;
  context.edge.refusals.refused(address, 'handshake-limit');
  setImmediate(() => socket.conn.close());
  return true;
}

export function identityOf(socket: Socket): SocketIdentity {
  return socket.data as SocketIdentity;
}
