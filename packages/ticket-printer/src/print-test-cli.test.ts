import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_PRINTER_PROFILES } from './built-in-profiles.js';
import { decodeEscPos } from './escpos-decoder.js';
import { FakeTcpPrinter } from './fake-tcp-printer.js';
import { runPrintTestCli } from './print-test-cli.js';
import { renderTicket } from './render-ticket.js';
import { sampleTicket } from './sample-ticket.js';
import type { FakePrinterCondition } from './scripted-printer.js';

const now = new Date('2025-03-05T07:07:00Z');
const dir = mkdtempSync(join(tmpdir(), 'talon-print-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPrintTestCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, now);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function fake(condition: FakePrinterCondition = 'ok') {
  const printer = await FakeTcpPrinter.start({ condition });
  cleanups.push(() => printer.close());
  return printer;
}

describe('talon-print-test', () => {
  it('explains itself with --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: talon-print-test');
    expect(out).toContain('--code-pages');
  });

  it.each([
    [['--bogus'], 'Unknown option'],
    [[], 'give a printer URI'],
    [['--status'], 'need a printer URI'],
    [['tcp://a', 'tcp://b'], 'one printer URI'],
    [['--language', 'de', '--save', 'x.bin'], 'ru or en'],
    [['--code-pages', '60-0', 'tcp://a'], 'range'],
    [['lp0'], 'not a printer URI'],
    [['--profile', 'epson-tm-t99', 'tcp://a'], 'no built-in profile'],
  ])('exits 2 on bad usage %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('saves the test ticket’s bytes without a printer', async () => {
    const path = join(dir, 'ticket-58.bin');
    const { code, out } = await run('--save', path, '--profile', 'generic-58mm');
    expect(code).toBe(0);
    expect(out).toContain(path);
    expect(readFileSync(path).equals(renderTicket(sampleTicket(now), BUILT_IN_PRINTER_PROFILES['generic-58mm']!))).toBe(true);
  });

  it('prints the test ticket on a printer that is ok', async () => {
    const printer = await fake('ok');
    const { code, out } = await run(printer.uri, '--language', 'en');
    expect(code).toBe(0);
    expect(out).toContain('printed the test ticket');
    const [job] = await printer.waitForJobs(1);
    expect(decodeEscPos(job!).lines).toContain('If you can read this, the printer works.');
  });

  it('does not print on a printer out of paper, and exits 1', async () => {
    const printer = await fake('paper-end');
    const { code, err } = await run(printer.uri);
    expect(code).toBe(1);
    expect(err).toContain('printer paper-end');
    expect(printer.jobs).toEqual([]);
  });

  it('reports status with the bits explained', async () => {
    const printer = await fake('cover-open');
    const { code, out } = await run('--status', printer.uri);
    expect(code).toBe(1);
    expect(out).toContain(`${printer.uri}: cover-open`);
    expect(out).toContain('DLE EOT 2, offline cause: 0x16 (cover open)');
    expect(printer.jobs).toEqual([]);
  });

  it('reports a printer that does not answer', async () => {
    const printer = await fake('silent');
    const { code, out } = await run('--status', `${printer.uri}?timeout=200`);
    expect(code).toBe(1);
    expect(out).toContain('offline');
    expect(out).toContain('no answer to DLE EOT');
  });

  it('prints a code page scan: the line under the right number reads as Russian', async () => {
    const printer = await fake('ok');
    const { code } = await run('--code-pages', '15-18', printer.uri);
    expect(code).toBe(0);
    const [job] = await printer.waitForJobs(1);
    const lines = decodeEscPos(job!).lines;
    expect(lines).toContain(' 17: АБВГДЕЁЖЗ абвгдеёжз №');
    expect(lines.find((line) => line.startsWith(' 16: '))).not.toContain('АБВГД');
    expect(lines.filter((line) => /^ 1[5-8]: /.test(line))).toHaveLength(4);
  });

  it('saves and prints in one go', async () => {
    const printer = await fake('ok');
    const path = join(dir, 'both.bin');
    const { code } = await run('--save', path, printer.uri);
    expect(code).toBe(0);
    const [job] = await printer.waitForJobs(1);
    expect(job!.equals(readFileSync(path))).toBe(true);
  });

  it('decodes saved bytes back to the ticket: lines, QR payload and cut', async () => {
    const file = join(dir, 'decode.bin');
    expect((await run('--save', file)).code).toBe(0);
    const { code, out } = await run('--decode', file);
    expect(code).toBe(0);
    const ticket = sampleTicket(now, 'ru');
    expect(out).toContain(ticket.number);
    // A long service name wraps; its first words are on the service line.
    expect(out).toContain(`Услуга: ${ticket.serviceName.split(' ').slice(0, 3).join(' ')}`);
    expect(out).toContain(`[QR ${ticket.trackUrl}]`);
    expect(out).toMatch(/-------- (full|partial) cut --------\s*$/);
    expect((await run('--decode', join(dir, 'missing.bin'))).code).toBe(1);
  });
});
