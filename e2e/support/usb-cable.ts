import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSocat, stopSocat } from '../../packages/rating-button/src/testing/socat-process.js';

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
    socat = await startSocat(acks ? [host, device] : ['-u', device, host]);
  };

  const unplug = async () => {
    const child = socat;
    socat = undefined;
    await stopSocat(child);
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
