import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_PRINTER_PROFILES } from './built-in-profiles.js';
import { decodeEscPos } from './escpos-decoder.js';
import { FakeTcpPrinter } from './fake-tcp-printer.js';
import type { PrintableTicket } from './printable-ticket.js';
import type { PrinterStatus } from './printer-status.js';
import type { FakePrinterCondition } from './scripted-printer.js';
import { TicketPrinter } from './ticket-printer.js';
import { TicketLayoutError } from './ticket-printer-errors.js';
import { openPrinterTransport } from './transports/open-printer-transport.js';

const profile = BUILT_IN_PRINTER_PROFILES['generic-80mm']!;
const ticket: PrintableTicket = {
  officeName: 'ЦОК Северный',
  number: 'B042',
  serviceName: 'Переоформление договора',
  issuedAt: new Date('2025-03-05T07:07:00Z'),
  timeZone: 'Europe/Moscow',
  peopleAhead: 2,
  estimatedWaitMin: 9,
  trackUrl: 'https://talon.example/t/B042',
};

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function setUp(condition: FakePrinterCondition, settleMs = 0) {
  const fake = await FakeTcpPrinter.start({ condition });
  cleanups.push(() => fake.close());
  const printer = new TicketPrinter({ transport: openPrinterTransport(`${fake.uri}?timeout=300`), profile, settleMs });
  cleanups.push(() => printer.close());
  return { fake, printer };
}

describe('TicketPrinter over a real socket', () => {
  it('prints when the printer is ok: the fake receives a ticket that decodes to the fields', async () => {
    const { fake, printer } = await setUp('ok');
    expect(await printer.printTicket(ticket)).toEqual({ ok: true, status: 'ok' });
    const [job] = await fake.waitForJobs(1);
    const decoded = decodeEscPos(job!);
    expect(decoded.lines).toEqual(expect.arrayContaining(['ЦОК Северный', 'B042', 'Услуга: Переоформление договора', 'Перед вами: 2 чел.']));
    expect(decoded.qrCodes[0]!.payload.toString()).toBe(ticket.trackUrl);
    expect(decoded.cut).toBe(true);
    // status before, status after, each its own connection
    expect(fake.statusQueries).toEqual([1, 2, 4, 1, 2, 4]);
  });

  it('prints on a thin roll and says so', async () => {
    const { fake, printer } = await setUp('paper-near-end');
    expect(await printer.printTicket(ticket)).toEqual({ ok: true, status: 'paper-near-end' });
    expect(fake.jobs).toHaveLength(1);
  });

  it.each<[FakePrinterCondition, PrinterStatus]>([
    ['paper-end', 'paper-end'],
    ['cover-open', 'cover-open'],
    ['error', 'error'],
    ['silent', 'offline'],
  ])('refuses when the printer is %s and sends it nothing', async (condition, status) => {
    const { fake, printer } = await setUp(condition);
    expect(await printer.printTicket(ticket)).toEqual({ ok: false, status, stage: 'before-print' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.printed().length).toBe(0);
  });

  it('refuses when the printer is gone', async () => {
    const { fake, printer } = await setUp('ok');
    await fake.close();
    expect(await printer.printTicket(ticket)).toMatchObject({ ok: false, status: 'offline', stage: 'before-print' });
  });

  it('reports a failure when the roll runs out while the ticket prints', async () => {
    const { fake, printer } = await setUp('ok', 100);
    const printing = printer.printTicket(ticket);
    await fake.waitForJobs(1);
    fake.condition = 'paper-end';
    expect(await printing).toEqual({ ok: false, status: 'paper-end', stage: 'after-print' });
  });

  it('prints tickets given at once one after another, each whole', async () => {
    const { fake, printer } = await setUp('ok');
    const results = await Promise.all(['A001', 'A002', 'A003'].map((number) => printer.printTicket({ ...ticket, number })));
    expect(results.every((result) => result.ok)).toBe(true);
    const jobs = await fake.waitForJobs(3);
    expect(jobs.map((job) => decodeEscPos(job).lines.find((line) => /^A00\d$/.test(line)))).toEqual(['A001', 'A002', 'A003']);
    for (const job of jobs) expect(decodeEscPos(job).warnings).toEqual([]);
  });

  it('throws a layout error for a bad ticket without talking to the printer', async () => {
    const { fake, printer } = await setUp('ok');
    await expect(printer.printTicket({ ...ticket, trackUrl: 'https://талон.рф/B042' })).rejects.toThrow(TicketLayoutError);
    expect(fake.statusQueries).toEqual([]);
  });

  it('answers status in turn with printing', async () => {
    const { printer } = await setUp('cover-open');
    expect(await printer.status()).toBe('cover-open');
  });
});
