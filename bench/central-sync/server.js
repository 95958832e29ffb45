// The central service in its own process, as in production: its memory is measured apart from the
// simulated offices. Reports its port and, on request, its memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeEntries } from './bench-offices.js';
import { createCentralService, createSqliteCentralStore, parseCentralConfig, silentCentralLogger } from '../../apps/booking-service/dist/index.js';

const offices = officeEntries(Number(process.env.BENCH_OFFICES ?? 2000));
const dataDir = mkdtempSync(join(tmpdir(), 'talon-central-bench-'));
const service = await createCentralService({
  config: parseCentralConfig({ offices }),
  store: createSqliteCentralStore(join(dataDir, 'central.db')),
  logger: silentCentralLogger(),
  retentionEveryMs: 0,
});
const port = await service.listen(0, '127.0.0.1');
process.send({ port });
process.on('message', async (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ rss, heapUsed, events: await service.store.eventCount('bench-office-0001') });
  }
  if (message === 'stop') {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.send('stopped', () => process.exit(0));
  }
});
