import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const hardwareDir = fileURLToPath(new URL('../../hardware/rating-button/', import.meta.url));
const harnessPath = `${hardwareDir}sim/build/rating-button-sim`;
/** The firmware builds a test can run: as flashed, or (`make sim-seq-wrap`) with its first seq after boot at 254. */
const firmwarePaths = {
  standard: `${hardwareDir}build/rating-button-sim.elf`,
  'seq-wrap': `${hardwareDir}build/rating-button-sim-seq-wrap.elf`,
} as const;
export type SimulatedFirmware = keyof typeof firmwarePaths;

const hasCommand = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** avr-gcc, a host C compiler, make and libsimavr's headers: all the firmware e2e tests need. */
export const simavrToolchainPresent =
  ['make', 'cc', 'avr-gcc', 'avr-objcopy'].every(hasCommand) &&
  existsSync('/usr/lib/avr/include/avr/io.h') &&
  existsSync('/usr/include/simavr/sim_avr.h') &&
  existsSync('/usr/include/simavr/parts/uart_pty.h');

function make(target: string): string {
  const result = spawnSync('make', ['-C', hardwareDir, target], { encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`make ${target} failed (${result.status ?? result.signal}):\n${output}`);
  return output;
}

/** Builds the tagged firmware ELF and the harness; `seq-wrap` the build whose seqs start at 254. */
export function buildRatingButtonSimulator(firmware: SimulatedFirmware = 'standard'): void {
  make(firmware === 'standard' ? 'sim' : 'sim-seq-wrap');
}

/** Builds and runs the firmware's host-side C tests; throws with their output on failure. */
export function runFirmwareHostTests(): string {
  return make('check');
}

interface PendingCommand {
  line: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The firmware running under simavr with its UART on a pty: `ptyPath` is the serial port a
 * driver opens, `press()` and friends work the buttons, `ledLit` follows the LED.
 */
export class SimulatedRatingButton {
  readonly ledChanges: { lit: boolean; at: number }[] = [];
  private lit = false;
  private readonly pending: PendingCommand[] = [];
  private readonly ledWaiters = new Set<() => void>();
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ptyPath: string,
  ) {}

  static async start(options: { deviceId?: number; firmware?: SimulatedFirmware } = {}): Promise<SimulatedRatingButton> {
    const firmwarePath = firmwarePaths[options.firmware ?? 'standard'];
    const args = options.deviceId === undefined ? [firmwarePath] : ['--device-id', String(options.deviceId), firmwarePath];
    const child = spawn(harnessPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const ptyPath = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`harness printed no pty within 5 s: ${stderr}`)), 5_000);
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(error);
      };
      child.once('error', fail);
      child.once('exit', (code) => fail(new Error(`harness exited with ${code}: ${stderr}`)));
      lines.on('line', function onLine(line) {
        if (!line.startsWith('pty ')) return;
        clearTimeout(timer);
        lines.off('line', onLine);
        child.removeListener('error', fail);
        resolve(line.slice(4));
      });
    });

    const simulated = new SimulatedRatingButton(child, ptyPath);
    simulated.stderr = stderr;
    child.stderr.on('data', (chunk: Buffer) => (simulated.stderr += chunk.toString()));
    lines.on('line', (line) => simulated.onLine(line));
    return simulated;
  }

  get ledLit(): boolean {
    return this.lit;
  }

  /** Press and release a button cleanly after `holdMs` of simulated time. */
  press(button: number, holdMs = 100): Promise<void> {
    return this.command(`press ${button} ${holdMs}`);
  }

  /** Press and release with contact chatter on both edges. */
  bounce(button: number, holdMs = 100): Promise<void> {
    return this.command(`bounce ${button} ${holdMs}`);
  }

  /** Resets the MCU, as a power blip or a replug does: the firmware boots again, its sequence
   * numbers and uptime start from the beginning, the pty stays the same. */
  reset(): Promise<void> {
    return this.command('reset');
  }

  command(line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.child.stdin.write(`${line}\n`);
    });
  }

  waitForLed(lit: boolean, timeoutMs = 3_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.lit !== lit) return;
        clearTimeout(timer);
        this.ledWaiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.ledWaiters.delete(check);
        reject(new Error(`LED not ${lit ? 'lit' : 'off'} within ${timeoutMs} ms; changes: ${JSON.stringify(this.ledChanges)}`));
      }, timeoutMs);
      this.ledWaiters.add(check);
      check();
    });
  }

  /** Ends the harness: EOF on its stdin, then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }

  get log(): string {
    return this.stderr;
  }

  private onLine(line: string): void {
    if (line.startsWith('led ')) {
      this.lit = line === 'led 1';
      this.ledChanges.push({ lit: this.lit, at: Date.now() });
      for (const waiter of [...this.ledWaiters]) waiter();
    } else if (line.startsWith('ok ') || line.startsWith('error ')) {
      const command = this.pending.shift();
      if (line.startsWith('ok ')) command?.resolve();
      else command?.reject(new Error(`harness refused ${command.line}: ${line}`));
    }
  }
}
