import { spawn, type ChildProcess } from 'node:child_process';

const START_TIMEOUT_MS = 5_000;

/**
 * Starts socat with `args` and resolves once it says its data loop runs, which it logs only
 * after both ends (and their link paths) exist: a test that opens a path any sooner races it.
 * Both the pty pair and the simulated USB cable are one socat process, started the same way.
 */
export function startSocat(args: readonly string[]): Promise<ChildProcess> {
  const child = spawn('socat', ['-d', '-d', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
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
      if (log.includes('starting data transfer loop')) {
        clearTimeout(timer);
        child.removeListener('exit', onEarlyExit);
        resolve(child);
      }
    });
  });
}

/** Stops a socat started by `startSocat` and waits until it is gone, so its ptys are gone too. */
export async function stopSocat(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
