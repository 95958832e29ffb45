import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  BUILT_IN_PRINTER_PROFILES,
  decodeEscPos,
  FakeSerialPrinter,
  FakeTcpPrinter,
  openPrinterTransport,
  renderTicket,
  sampleTicket,
  TicketPrinter,
  type PrintableTicket,
} from '@talon/ticket-printer';
import { hasSocat, startPtyPair } from '../packages/ticket-printer/src/testing/pty-pair.js';

// The printer half of a kiosk end to end: the installer's CLI as a real process, and the
// agent's path (TicketPrinter) to a network printer and to a USB printer-class device file.
const CLI = resolve(import.meta.dirname, '../packages/ticket-printer/dist/cli.js');
const canRunCli = existsSync(CLI) || !!process.env.CI;
const canRunPty = hasSocat || !!process.env.CI;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});
const dir = mkdtempSync(join(tmpdir(), 'talon-e2e-printer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fakeTcp(condition: 'ok' | 'paper-end' = 'ok'): Promise<FakeTcpPrinter> {
  const printer = await FakeTcpPrinter.start({ condition });
  cleanups.push(() => printer.close());
  return printer;
}

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`talon-print-test ${args.join(' ')} did not finish in 20 s`));
    }, 20_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

/** A command line under bash, for the CLI as people pipe it. */
function shell(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

const ticketFor = (number: string): PrintableTicket => ({
  officeName: 'ЦОК «Энергосбыт», Екатеринбург',
  number,
  serviceName: 'Приём показаний',
  issuedAt: new Date('2025-11-20T04:00:00Z'),
  timeZone: 'Asia/Yekaterinburg',
  peopleAhead: 4,
  estimatedWaitMin: 11,
  trackUrl: `https://talon.example/t/ekb/${number}`,
});

describe.skipIf(!canRunCli)('talon-print-test as a process (needs npx tsc -b first)', () => {
  it('prints the test ticket on a network printer and exits 0', async () => {
    const printer = await fakeTcp('ok');
    const run = await cli(printer.uri, '--profile', 'generic-58mm');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('printed the test ticket (generic-58mm)');
    const [job] = await printer.waitForJobs(1);
    const decoded = decodeEscPos(job!);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.lines).toContain('A015');
    expect(decoded.lines.join(' ')).toContain('Эта строка должна читаться по-русски');
    expect(decoded.cut).toBe(true);
  });

  it('refuses a printer out of paper and exits 1 without sending a ticket', async () => {
    const printer = await fakeTcp('paper-end');
    const run = await cli(printer.uri);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('paper-end');
    expect(printer.jobs).toEqual([]);
  });

  it('saves the same bytes the library renders', async () => {
    const path = join(dir, 'saved.bin');
    const run = await cli('--save', path, '--profile', 'generic-80mm');
    expect(run.code).toBe(0);
    const saved = readFileSync(path);
    const decoded = decodeEscPos(saved);
    expect(decoded.lines).toContain('Талон');
    expect(decoded.qrCodes[0]!.payload.toString('ascii')).toBe('https://talon.example/t/A015');
    // Same layout as rendered in this process, apart from the time the CLI stamped on it.
    const issued = decoded.lines.find((line) => line.startsWith('Выдан: '))!;
    const expected = decodeEscPos(renderTicket(sampleTicket(new Date()), BUILT_IN_PRINTER_PROFILES['generic-80mm']!)).lines;
    expect(decoded.lines.map((line) => (line.startsWith('Выдан: ') ? 'Выдан' : line))).toEqual(
      expected.map((line) => (line.startsWith('Выдан: ') ? 'Выдан' : line)),
    );
    expect(issued).toMatch(/^Выдан: \d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  });

  it('reads a long roll into `head` and stops quietly when head has enough', async () => {
    // A roll far bigger than a pipe's buffer, so the CLI is still writing when head leaves.
    const roll = join(dir, 'roll.bin');
    writeFileSync(roll, Buffer.concat(Array.from({ length: 300 }, (_, i) => renderTicket(ticketFor(`A${String(i + 1).padStart(3, '0')}`), BUILT_IN_PRINTER_PROFILES['generic-80mm']!))));
    const run = await shell(`set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --decode ${JSON.stringify(roll)} | head -n 3`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(4);
    expect(run.stdout).toContain('Энергосбыт');
  });

  it('reports status bits and exits 2 on a bad URI', async () => {
    const printer = await fakeTcp('paper-end');
    const status = await cli('--status', printer.uri);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('DLE EOT 4, paper sensor: 0x7e (paper near end, paper end)');
    const bad = await cli('usb:printer');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a printer URI');
  });
});

describe('a kiosk morning on a network printer', () => {
  it('prints, refuses while the roll is out, and prints again once it is replaced', async () => {
    const fake = await fakeTcp('ok');
    const printer = new TicketPrinter({ transport: openPrinterTransport(`${fake.uri}?timeout=300`), profile: BUILT_IN_PRINTER_PROFILES['generic-80mm']!, settleMs: 0 });
    cleanups.push(() => printer.close());

    const results = [];
    for (const number of ['A001', 'A002']) results.push(await printer.printTicket(ticketFor(number)));
    fake.condition = 'paper-end';
    results.push(await printer.printTicket(ticketFor('A003')));
    fake.condition = 'ok';
    results.push(await printer.printTicket(ticketFor('A004')));

    expect(results.map((result) => (result.ok ? 'printed' : `${result.status} at ${result.stage}`))).toEqual([
      'printed',
      'printed',
      'paper-end at before-print',
      'printed',
    ]);
    const jobs = await fake.waitForJobs(3);
    expect(jobs.map((job) => decodeEscPos(job).lines.find((line) => /^A\d{3}$/.test(line)))).toEqual(['A001', 'A002', 'A004']);
    expect(jobs.map((job) => decodeEscPos(job).qrCodes[0]!.payload.toString())).toEqual([
      'https://talon.example/t/ekb/A001',
      'https://talon.example/t/ekb/A002',
      'https://talon.example/t/ekb/A004',
    ]);
  });
});

describe.skipIf(!canRunPty)('a USB printer-class device file, stood in for by a socat pty (needs socat)', () => {
  it('prints a ticket the printer can read back, after asking its status', async () => {
    const ptys = await startPtyPair();
    cleanups.push(() => ptys.stop());
    const fake = await FakeSerialPrinter.open(ptys.printerPath, { condition: 'paper-near-end' });
    cleanups.push(() => fake.close());
    const printer = new TicketPrinter({ transport: openPrinterTransport(ptys.hostPath), profile: BUILT_IN_PRINTER_PROFILES['generic-58mm']!, settleMs: 0 });
    cleanups.push(() => printer.close());

    expect(await printer.printTicket(ticketFor('C017'))).toEqual({ ok: true, status: 'paper-near-end' });
    const expected = renderTicket(ticketFor('C017'), BUILT_IN_PRINTER_PROFILES['generic-58mm']!);
    const received = await fake.waitForBytes(expected.length);
    expect(received.equals(expected)).toBe(true);
    expect(decodeEscPos(received).lines).toEqual(expect.arrayContaining(['C017', 'Перед вами: 4 чел.', 'Выдан: 20.11.2025 09:00']));
    expect(fake.statusQueries).toEqual([1, 2, 4, 1, 2, 4]);
  });
});
