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
 * holds are capped (socket-sessions.ts). Each refusal is counted in the aggregated refusal log,
 * never logged on its own, and answered only after `refusalDelayMs`: a refused handshake costs
 * the server an HTTP request, and a loop over keep-alive connections asking again the moment it
 * is answered made 6,000 a second from one address (a third of a core); held for a second, each
 * connection asks once a second, and an address holds at most its per-address connections.
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
  /** How long a refusal is held before it is answered; read at each request. None: at once. */
  refusalDelayMs?: () => number;
}): (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => void {
  return (request, callback) => {
    const address = options.addressOf(request);
    const refuse = (reason: string, message: string) => {
      options.refusals.refused(address, reason);
      const delay = options.refusalDelayMs?.() ?? 0;
      if (delay <= 0) return callback(message, false);
      // engine.io answers a request whose client has gone without harm (it checks the socket).
      setTimeout(() => callback(message, false), delay).unref();
    };
    if (options.handshakeFailures.blocked(address)) return refuse(options.blockedReason, 'too many failed handshakes');
    if (!originAllowed(request.headers.origin, request.headers.host, options.allowedOrigins())) return refuse('socket-origin', 'origin not allowed');
    const overLimit = options.sessions?.admit(address);
    if (overLimit) return refuse(overLimit, overLimit === 'connect-attempts' ? 'too many connection attempts' : 'too many open connections');
    callback(null, true);
  };
}
