import { describe, expect, it } from 'vitest';
import type { createClient } from 'redis';
import { withHandledPublish } from './redis-publish-guard.js';

type RedisClient = ReturnType<typeof createClient>;

describe('the Redis client the Socket.IO adapter gets', () => {
  it('leaves no PUBLISH rejection unhandled (one took a node down), while a caller that awaits still sees it', async () => {
    const timedOut = () => Promise.reject(new Error('Command timed out after 5000ms waiting to be sent'));
    const fake = { publish: timedOut, sPublish: timedOut, isReady: true, xAdd: async () => '1-0' } as unknown as RedisClient;
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const client = withHandledPublish(fake);
      // As the adapter does: fire and forget.
      void client.publish('talon:socket.io#/office#', Buffer.from('x'));
      void client.sPublish('talon:socket.io#/office#', Buffer.from('x'));
      await expect(client.publish('c', 'awaited')).rejects.toThrow('timed out');
      expect(await client.xAdd('s', '*', {})).toBe('1-0');
      expect(client.isReady).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
