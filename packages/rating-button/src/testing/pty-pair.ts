import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;

/**
 * Two linked ptys made by socat, standing in for a USB serial cable: the driver opens
 * `hostPath`, a fake device opens `devicePath`. `unplug()` kills socat, so both ends vanish
 * as a pulled USB adapter does; `replug()` brings them back on the same link paths.
 */
export interface PtyPair {
  readonly hostPath: string;
  readonly devicePath: string;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 5_000;

export async function startPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'talon-pty-'));
  const hostPath = join(dir, 'host');
  const devicePath = join(dir, 'device');
  let socat: ChildProcess | undefined;

  const plug = async () => {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    socat = child;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => fail(new Error(`socat did not start within ${START_TIMEOUT_MS} ms: ${log}`)), START_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(error);
      };
      child.once('error', fail);
      const onEarlyExit = (code: number | null) => fail(new Error(`socat exited with ${code}: ${log}`));
      child.once('exit', onEarlyExit);
      child.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        // socat logs this once both ptys and their links exist.
        if (log.includes('starting data transfer loop')) {
          clearTimeout(timer);
          child.removeListener("exit", onEarlyExit);
          resolve();
        }
      });
    });
  };

  const unplug = async () => {
    const child = socat;
    socat = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };

  await plug();
  return {
    hostPath,
    devicePath,
    unplug,
    replug: plug,
    stop: async () => {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
