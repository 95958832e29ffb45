import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CENTRAL = resolve(import.meta.dirname, '../apps/booking-service/dist');
const DEMO_CONFIG = resolve(import.meta.dirname, '../apps/booking-service/config/demo-central.json');

/** Runs the built central until it exits (or says it listens): its exit code and what it wrote. */
function runCentral(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(CENTRAL, 'main.js'), '--port', '0', '--host', '127.0.0.1', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => {
    stdout += t;
    if (stdout.includes('central service listening')) child.kill('SIGTERM');
  });
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((r) => child.once('exit', (code) => (clearTimeout(timer), r({ code, stdout, stderr }))));
}

describe.skipIf(!existsSync(join(CENTRAL, 'main.js')))("central and the demo's public secrets", () => {
  const dir = mkdtempSync(join(tmpdir(), 'talon-central-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a real central refuses to start with the demo config copied, naming each demo secret; --demo starts', async () => {
    copyFileSync(DEMO_CONFIG, join(dir, 'central.json'));
    const real = await runCentral(['--data', dir]);
    expect(real.code).toBe(2);
    expect(real.stdout).not.toContain('central service listening');
    expect(real.stderr).toMatch(/offices\.0 \(demo-office\)/);
    expect(real.stderr).toMatch(/reportTokens\.0/);
    expect(real.stderr).toMatch(/qualityUsers\.0 \(quality\)/);
    const demo = await runCentral(['--demo', '--data', dir]);
    expect(demo.stdout).toContain('central service listening');
    expect(demo.code).toBe(0);
  });

  it('hash-key-cli takes no key in argv, and hashes one piped on stdin', () => {
    const argv = spawnSync(process.execPath, [join(CENTRAL, 'hash-key-cli.js'), 'north-office-key-0002'], { encoding: 'utf8' });
    expect(argv.status).toBe(2);
    expect(argv.stdout).toBe('');
    const piped = spawnSync(process.execPath, [join(CENTRAL, 'hash-key-cli.js'), '--given'], { input: 'north-office-key-0002\n', encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toMatch(/^hash: sha256\$[0-9a-f]{64}\n$/);
  });
});
