import { NAMESPACES, type OfficeConfig } from '@talon/protocol';
import type { Server } from 'socket.io';
import type { ConfigChange, OfficeContext } from '../office-context.js';
import { identityOf } from './handshake.js';

const PEOPLE_NAMESPACES = [NAMESPACES.operator, NAMESPACES.dashboard, NAMESPACES.admin];
const DEVICE_NAMESPACES = [NAMESPACES.kiosk, NAMESPACES.board, NAMESPACES.device];

/**
 * Access follows the config at once, not at the next connect. A person removed or given a new
 * password is signed out everywhere (sessions ended, open screens disconnected, so each screen
 * asks for a login); one who loses the role a screen needs is disconnected from it. A device
 * removed or given a new token is disconnected, and its old token no longer lets it back. The
 * session in `change.keepSession` (a person changing their own password) stays.
 */
export function makeAccessFollowConfig(io: Server, context: OfficeContext): void {
  context.onConfigChanged((config: OfficeConfig, previous: OfficeConfig, change: ConfigChange) => {
    const operators = new Map(config.operators.map((o) => [o.id, o]));
    const signedOut = new Set<string>();
    for (const before of previous.operators) {
      const after = operators.get(before.id);
      if (after && after.passwordHash === before.passwordHash) continue;
      signedOut.add(before.id);
      const sessions = context.sessions.closeAllOf(before.id, change.keepSession);
      context.logger.info({ operator: before.id, sessions, removed: !after }, 'signed out everywhere');
    }
    for (const name of PEOPLE_NAMESPACES) {
      for (const socket of io.of(name).sockets.values()) {
        const identity = identityOf(socket);
        const operator = identity.operator && operators.get(identity.operator.id);
        const kept = change.keepSession !== undefined && identity.session === change.keepSession;
        const allowed = operator && operator.roles.some((role) => identity.roles?.includes(role));
        if (!operator || !allowed || (signedOut.has(operator.id) && !kept)) {
          socket.disconnect(true);
          continue;
        }
        // Name or roles may have changed: commands from here on see the person as configured now.
        identity.operator = operator;
      }
    }

    const devices = new Map(config.devices.map((d) => [d.id, d]));
    for (const name of DEVICE_NAMESPACES) {
      for (const socket of io.of(name).sockets.values()) {
        const identity = identityOf(socket);
        const device = identity.device && devices.get(identity.device.id);
        if (!device || device.tokenHash !== identity.device!.tokenHash || device.role !== identity.device!.role) {
          context.logger.info({ device: identity.device?.id, removed: !device }, 'device disconnected: its token no longer holds');
          socket.disconnect(true);
          continue;
        }
        identity.device = device;
      }
    }
  });
}
