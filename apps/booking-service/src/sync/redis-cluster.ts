import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';

export interface RedisCluster {
  /** Socket.IO's adapter factory: `io.adapter(cluster.adapter)`. */
  adapter: ReturnType<typeof createAdapter>;
  up(): boolean;
  /** Called each time Redis is reachable again after an outage (not at the first connect). */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Links this node to the others through Redis (Socket.IO's Redis Streams adapter). Redis carries
 * only nudges: an office pulls its bookings at every connect and keeps its own offsets, so while
 * Redis is down a node keeps serving its own offices and nudges across nodes resume after.
 * `prefix` keeps the streams and channels of one deployment (or one test) apart on a shared Redis.
 */
export function connectRedisCluster(url: string, prefix: string, logger: Logger): RedisCluster {
  const client = createClient({
    url,
    socket: {
      connectTimeout: 5_000,
      // Never give up: Redis coming back is the normal end of an outage.
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  let wasUp = false;
  let reportedDown = false;
  // Logged once per outage, not once per reconnect attempt.
  client.on('error', (error: Error) => {
    if (!reportedDown) logger.warn({ reason: error.message }, 'redis unreachable: nudges to offices on other nodes pause');
    reportedDown = true;
  });
  const reconnected: (() => void)[] = [];
  client.on('ready', () => {
    if (reportedDown || wasUp) {
      logger.info('redis reachable again: nudges across nodes resume');
      reconnected.forEach((listener) => listener());
    }
    reportedDown = false;
    wasUp = true;
  });
  void client.connect().catch(() => {});
  // The adapter sends its heartbeats (and serverSideEmit: unlinks, summaries, nudges) by PUBLISH
  // without awaiting them: one in flight when Redis drops, queued when the node stops during an
  // outage, or timing out while thousands of offices relink to a lagging node (it took the survivor
  // of a kill down in bench/central-sync) would be an unhandled rejection. A lost heartbeat costs
  // nothing (the next one follows), so PUBLISH answers 0 receivers instead.
  const publish = client.publish.bind(client);
  Object.defineProperty(client, 'publish', { value: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0) });
  const adapter = createAdapter(client, { streamName: `${prefix}:socket.io`, channelPrefix: `${prefix}:socket.io`, maxLen: 10_000 });
  return {
    adapter,
    up: () => client.isReady,
    onReconnect: (listener) => void reconnected.push(listener),
    async close() {
      client.destroy();
    },
  };
}
