import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_TIMEOUT_MS = 5_000;

/**
 * The USB cable between a simulated button and the desk PC: socat bridges the simulator's UART
 * pty to a pty of its own, whose link `hostPath` the driver opens. `unplug()` kills socat, so
 * `hostPath` vanishes as a pulled USB adapter's node does, while the firmware runs on with
 * whatever it has pending; `plug()` brings a new node back on the same path. Plugged with
 * `acks: false` the cable carries only what the button says (a line whose host-to-device wire
 * is broken): the host's acks and window commands are lost, so the firmware keeps re-sending.
 */
export interface UsbCable {
  readonly hostPath: string;
  plug(options?: { acks?: boolean }): Promise<void>;
  unplug(): Promise<void>;
  stop(): Promise<void>;
}

export async function connectUsbCable(devicePtyPath: string): Promise<UsbCable> {
  const dir = mkdtempSync(join(tmpdir(), 'talon-cable-'));
  const hostPath = join(dir, 'host');
  let socat: ChildProcess | undefined;

  const plug = async ({ acks = true }: { acks?: boolean } = {}) => {
    const device = `FILE:${devicePtyPath},raw,echo=0`;
    const host = `PTY,raw,echo=0,link=${hostPath}`;
    // `-u` copies left to right only: the button's frames reach the host, nothing goes back.
    const args = acks ? ['-d', '-d', host, device] : ['-d', '-d', '-u', device, host];
    const child = spawn('socat', args, { stdio: ['ignore', 'ignore', 'pipe'] });
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
        // socat logs this once both ends and the link exist.
        if (log.includes('starting data transfer loop')) {
          clearTimeout(timer);
          child.removeListener('exit', onEarlyExit);
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
    plug,
    unplug,
    stop: async () => {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
