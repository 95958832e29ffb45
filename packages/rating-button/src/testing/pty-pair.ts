import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSocat, stopSocat } from './socat-process.js';

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

export async function startPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'talon-pty-'));
  const hostPath = join(dir, 'host');
  const devicePath = join(dir, 'device');
  let socat: ChildProcess | undefined;

  const plug = async () => {
    socat = await startSocat([`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`]);
  };

  const unplug = async () => {
    const child = socat;
    socat = undefined;
    await stopSocat(child);
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
