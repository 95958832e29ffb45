import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTcpPrinter } from '../fake-tcp-printer.js';
import type { PrinterStatus } from '../printer-status.js';
import type { FakePrinterCondition } from '../scripted-printer.js';
import { openPrinterTransport } from './open-printer-transport.js';
import type { PrinterTransport } from './printer-transport.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function fakePrinter(condition: FakePrinterCondition = 'ok'): Promise<FakeTcpPrinter> {
  const printer = await FakeTcpPrinter.start({ condition });
  cleanups.push(() => printer.close());
  return printer;
}

function transport(uri: string): PrinterTransport {
  const opened = openPrinterTransport(uri);
  cleanups.push(() => opened.close());
  return opened;
}

/** A loopback port nobody listens on: bound, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('TCP transport status', () => {
  it.each<[FakePrinterCondition, PrinterStatus]>([
    ['ok', 'ok'],
    ['paper-near-end', 'paper-near-end'],
    ['paper-end', 'paper-end'],
    ['cover-open', 'cover-open'],
    ['error', 'error'],
  ])('reads a printer that is %s over a real socket', async (condition, expected) => {
    const printer = await fakePrinter(condition);
    expect(await transport(printer.uri).status()).toBe(expected);
    expect(printer.statusQueries).toEqual([1, 2, 4]);
    expect(printer.jobs).toEqual([]);
  });

  it('gives the raw answers with the status', async () => {
    const printer = await fakePrinter('paper-end');
    expect(await transport(printer.uri).statusReport()).toEqual({
      status: 'paper-end',
      bytes: { printer: 0x1a, offlineCause: 0x32, paperSensor: 0x7e },
    });
  });

  it('calls a printer that takes the connection but never answers offline, within its timeout', async () => {
    const printer = await fakePrinter('silent');
    const started = Date.now();
    expect(await transport(`${printer.uri}?timeout=200`).status()).toBe('offline');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('calls a refused connection offline', async () => {
    expect(await transport(`tcp://127.0.0.1:${await closedPort()}?timeout=500`).status()).toBe('offline');
  });

  it('sees the printer change between calls, each on a new connection', async () => {
    const printer = await fakePrinter('ok');
    const link = transport(printer.uri);
    expect(await link.status()).toBe('ok');
    printer.condition = 'cover-open';
    expect(await link.status()).toBe('cover-open');
  });
});

describe('TCP transport write', () => {
  it('delivers every byte, as one job per call', async () => {
    const printer = await fakePrinter();
    const link = transport(printer.uri);
    const big = Buffer.alloc(200_000, 0x41);
    await link.write(Buffer.from('first\n'));
    await link.write(big);
    const jobs = await printer.waitForJobs(2);
    expect(jobs[0]!.toString()).toBe('first\n');
    expect(jobs[1]!.equals(big)).toBe(true);
  });

  it('rejects with unreachable when nobody listens', async () => {
    await expect(transport(`tcp://127.0.0.1:${await closedPort()}?timeout=500`).write(Buffer.from('x'))).rejects.toMatchObject({
      name: 'PrinterTransportError',
      code: 'unreachable',
    });
  });

  it('refuses to work after close', async () => {
    const printer = await fakePrinter();
    const link = transport(printer.uri);
    await link.close();
    await expect(link.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'unreachable' });
    expect(await link.status()).toBe('offline');
  });
});
