import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;

/** Two linked ptys made by socat: the host side opens `hostPath`, a fake printer `printerPath`. */
export interface PtyPair {
  readonly hostPath: string;
  readonly printerPath: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 5_000;

export async function startPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'talon-printer-pty-'));
  const hostPath = join(dir, 'host');
  const printerPath = join(dir, 'printer');
  const socat: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${printerPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let keeper: number | undefined;
  const stop = async () => {
    if (keeper !== undefined) closeSync(keeper);
    keeper = undefined;
    if (socat.exitCode === null && socat.signalCode === null) {
      const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
      socat.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`socat did not start within ${START_TIMEOUT_MS} ms: ${log}`)), START_TIMEOUT_MS);
      socat.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socat.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`socat exited with ${code}: ${log}`));
      });
      socat.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        // socat says this once both ptys and their links exist.
        if (log.includes('starting data transfer loop')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // A transport opens the host side per job and closes it right after. Were that the last
    // close, the pty would hang up, and socat, if the machine is busy, could meet the hangup
    // before the bytes and drop them (a real serial port has no such middleman). This write-only
    // descriptor keeps the host side open between jobs; it never reads, so it takes nothing.
    keeper = openSync(hostPath, constants.O_WRONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
  } catch (error) {
    await stop();
    throw error;
  }
  return { hostPath, printerPath, stop };
}
