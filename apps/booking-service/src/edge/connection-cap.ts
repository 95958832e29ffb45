import type { Server } from 'node:http';
import type { RefusalLog } from './refusal-log.js';

/**
 * Closes a new connection at once when its address already holds `max` open ones: a few thousand
 * idle sockets from one client cannot use up the open-file limit the real offices need. The table
 * holds only addresses with open connections, so it is bounded by `server.maxConnections`.
 */
export function capConnectionsPerAddress(server: Server, max: number, trustedProxies: readonly string[], refusals: RefusalLog): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    // A reverse proxy carries everyone's connections; it has its own limits (docs/deploy-central).
    if (trustedProxies.includes(address) || trustedProxies.includes(address.replace(/^::ffff:/, ''))) return;
    const count = open.get(address) ?? 0;
    if (count >= max) {
      refusals.refused(address, 'connections-per-address');
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
}
