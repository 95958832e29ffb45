// Central in its own process, as in production, so its memory is measured apart from the offices
// and phones. Limits raised for one loopback address carrying every phone of the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { officeEntries } from '../central-sync/bench-offices.js';
import { createCentralService, createSqliteCentralStore, parseCentralConfig, silentCentralLogger } from '../../apps/booking-service/dist/index.js';

const offices = officeEntries(Number(process.env.BENCH_OFFICES ?? 500));
const dataDir = mkdtempSync(join(tmpdir(), 'talon-phone-bench-'));
const service = await createCentralService({
  config: parseCentralConfig({ offices, limits: { maxConnections: 100_000, maxConnectionsPerAddress: 100_000, socketSessionsPerAddress: 100_000, connectAttemptsPerAddress: 1_000_000 } }),
  store: createSqliteCentralStore(join(dataDir, 'central.db')),
  logger: silentCentralLogger(),
  retentionEveryMs: 0,
});
const port = await service.listen(0, '127.0.0.1');
// How long central's one thread made work wait: fsyncs of the sync log and the fan-out share it.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let cpuFrom = process.cpuUsage();
let wallFrom = performance.now();
process.send({ port });
process.on('message', async (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    // The share of one core central's process got since the last ask: with other work on the
    // machine, a saturated loop on a small share is the machine's load, not central's.
    const cpu = process.cpuUsage(cpuFrom);
    const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallFrom);
    process.send({ rss, heapUsed, loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6, cpuShare });
    loopDelay.reset();
    cpuFrom = process.cpuUsage();
    wallFrom = performance.now();
  }
  if (message === 'stop') {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.send('stopped', () => process.exit(0));
  }
});
