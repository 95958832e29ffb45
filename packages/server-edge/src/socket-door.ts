import type { IncomingMessage } from 'node:http';
import type { FailureCounter } from './failure-counter.js';
import { originAllowed } from './origin-check.js';
import type { RefusalLog } from './refusal-log.js';
import type { SocketSessions } from './socket-sessions.js';

/**
 * Socket.IO's `allowRequest`: the check before any Engine.IO or namespace work. An address that
 * keeps failing handshakes (wrong token, wrong key) is turned away at the door for the rest of
 * the counter's window, and a browser page from another site may not open a socket at all.
 * With `sessions`, every Engine.IO handshake is counted per address and the sessions an address
 * holds are capped (socket-sessions.ts). Each refusal is counted in the aggregated refusal log, never logged on its own.
 */
export function socketDoor(options: {
  /** Failed handshakes per address (counted by the namespaces' auth). */
  handshakeFailures: FailureCounter;
  refusals: RefusalLog;
  addressOf: (request: IncomingMessage) => string;
  /** Origins besides the server's own; read at each request. */
  allowedOrigins: () => readonly string[];
  /** The refusal log's reason for a blocked address. */
  blockedReason: string;
  /** New sessions per address and open sessions per address (createSocketSessions). */
  sessions?: SocketSessions;
}): (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => void {
  return (request, callback) => {
    const address = options.addressOf(request);
    if (options.handshakeFailures.blocked(address)) {
      options.refusals.refused(address, options.blockedReason);
      return callback('too many failed handshakes', false);
    }
    if (!originAllowed(request.headers.origin, request.headers.host, options.allowedOrigins())) {
      options.refusals.refused(address, 'socket-origin');
      return callback('origin not allowed', false);
    }
    const overLimit = options.sessions?.admit(address);
    if (overLimit) {
      options.refusals.refused(address, overLimit);
      return callback(overLimit === 'connect-attempts' ? 'too many connection attempts' : 'too many open connections', false);
    }
    callback(null, true);
  };
}
