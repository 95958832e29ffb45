import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createCentralService, type CentralService } from '../app.js';
import { parseCentralConfig, type CentralConfig } from '../config/central-config.js';
import { hashSecret } from '../config/secret-hash.js';
import { silentCentralLogger, type Logger } from '../logger.js';
import type { CentralStore } from '../storage/central-store.js';
import { createSqliteCentralStore } from '../storage/sqlite/sqlite-central-store.js';
import type { RedisCluster } from '../sync/redis-cluster.js';

/** Keys of the test offices; the demo office's matches apps/booking-service/config/demo-central.json. */
export const TEST_OFFICE_KEYS: Record<string, string> = {
  'demo-office': 'demo-office-key-0001',
  north: 'north-office-key-0002',
  south: 'south-office-key-0003',
};
export const TEST_REPORT_TOKEN = 'test-report-token';

export function testCentralConfig(edit: (config: CentralConfig) => void = () => {}): CentralConfig {
  const config = parseCentralConfig({
    offices: Object.entries(TEST_OFFICE_KEYS).map(([id, key]) => ({ id, keyHash: hashSecret(key) })),
    reportTokens: [{ name: 'tests', tokenHash: hashSecret(TEST_REPORT_TOKEN) }],
  });
  edit(config);
  return config;
}

export interface TestCentral {
  service: CentralService;
  url: string;
  port: number;
  dataDir: string;
  /** A raw /office client, for tests of the namespace itself. */
  connectOffice(auth: Record<string, unknown>): Promise<Socket>;
  stop(options?: { wipe?: boolean }): Promise<void>;
}

/** A real central service on 127.0.0.1 with its SQLite file; restart it on the same `port` and `dataDir`. */
export async function startTestCentral(
  options: {
    dataDir?: string; port?: number; config?: CentralConfig; now?: () => number; webRoot?: string; logger?: Logger;
    /** Another store (PostgreSQL) instead of the SQLite file in `dataDir`. */
    store?: CentralStore; cluster?: RedisCluster; databaseUp?: () => Promise<boolean>;
  } = {},
): Promise<TestCentral> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'talon-central-'));
  const service = await createCentralService({
    config: options.config ?? testCentralConfig(),
    store: options.store ?? createSqliteCentralStore(join(dataDir, 'central.db')),
    ...(options.cluster && { cluster: options.cluster }),
    ...(options.databaseUp && { databaseUp: options.databaseUp }),
    logger: options.logger ?? silentCentralLogger(),
    retentionEveryMs: 0,
    ...(options.now && { now: options.now }),
    ...(options.webRoot && { webRoot: options.webRoot }),
  });
  const port = await service.listen(options.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];
  return {
    service,
    url,
    port,
    dataDir,
    connectOffice(auth) {
      const socket = io(`${url}/office`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    },
    async stop({ wipe = true } = {}) {
      sockets.forEach((s) => s.disconnect());
      await service.close();
      if (wipe) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
