import type { Server } from 'node:http';
import { addressKey, normaliseAddress } from './client-address.js';
import type { RefusalLog } from './refusal-log.js';

/**
 * Closes a new connection at once when its address already holds `max` open ones: a few thousand
 * idle sockets from one client cannot use up the open-file limit the real clients need. The table
 * holds only addresses with open connections, so it is bounded by `server.maxConnections`.
 * `max` is read at each connection, so a config change applies at once.
 */
export function capConnectionsPerAddress(
  server: Server,
  options: { max: () => number; refusals: RefusalLog; trustedProxies?: readonly string[] },
): { openFrom(address: string): number } {
  const open = new Map<string, number>();
  const trusted = options.trustedProxies ?? [];
  server.on('connection', (socket) => {
    const peer = normaliseAddress(socket.remoteAddress ?? 'unknown');
    // A reverse proxy carries everyone's connections; it has its own limits (docs/deploy-central).
    if (trusted.includes(peer)) return;
    // An IPv6 client is counted by its /64 (client-address.ts says why).
    const address = addressKey(peer);
    const count = open.get(address) ?? 0;
    if (count >= options.max()) {
      options.refusals.refused(address, 'connections-per-address');
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return { openFrom: (address) => open.get(addressKey(address)) ?? 0 };
}
