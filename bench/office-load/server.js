// The office server under test, in its own process, plus a bare Socket.IO echo server that
// measures the transport's own round trip on the same machine at the same time.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Server } from 'socket.io';
import { createApplication } from '../../apps/office-server/dist/app.js';
import { systemClock } from '../../apps/office-server/dist/clock.js';
import { silentLogger } from '../../apps/office-server/dist/logger.js';
import { checkOfficeConfig } from '../../packages/protocol/dist/index.js';
import { benchOfficeConfig } from './bench-office.js';

const here = import.meta.dirname;
const check = checkOfficeConfig(benchOfficeConfig(resolve(here, '../../apps/office-server/config/demo-office.json')));
if (!check.ok) throw new Error(check.problems.join('\n'));
const dataDir = mkdtempSync(join(process.env.BENCH_DATA_DIR ?? tmpdir(), 'talon-bench-'));

const app = createApplication({
  config: check.config,
  databaseFile: join(dataDir, 'talon.db'),
  clock: systemClock,
  logger: silentLogger(),
  rateLimit: null,
});
const port = await app.listen(0, '127.0.0.1');

const echoHttp = createServer();
const echo = new Server(echoHttp, { serveClient: false });
echo.on('connection', (socket) => socket.on('echo', (payload, ack) => ack(payload)));
await new Promise((r) => echoHttp.listen(0, '127.0.0.1', r));

process.send?.({ port, echoPort: echoHttp.address().port });
process.on('message', async (message) => {
  if (message === 'memory') process.send?.({ memory: process.memoryUsage() });
  if (message === 'stop') {
    await app.close();
    echo.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
});
