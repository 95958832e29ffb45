import { NAMESPACES } from '@talon/protocol';
import type { Server } from 'socket.io';
import type { OfficeContext } from '../office-context.js';
import { identityOf } from './handshake.js';

/**
 * After a password change, whoever knew the old one is out: every session of that person ends
 * and their open screens are disconnected (their reconnect is refused, so the screen asks for a
 * login). `keep` is the session making the change, when a person changes their own password.
 */
export function signOutEverywhere(io: Server, context: OfficeContext, operatorId: string, keep?: string): number {
  const sessions = context.sessions.closeAllOf(operatorId, keep);
  let screens = 0;
  for (const name of [NAMESPACES.operator, NAMESPACES.dashboard, NAMESPACES.admin]) {
    for (const socket of io.of(name).sockets.values()) {
      const identity = identityOf(socket);
      if (identity.operator?.id !== operatorId || (keep !== undefined && identity.session === keep)) continue;
      socket.disconnect(true);
      screens += 1;
    }
  }
  context.logger.info({ operator: operatorId, sessions, screens }, 'signed out everywhere');
  return sessions;
}
