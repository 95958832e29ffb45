import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_PRINTER_PROFILES } from '../built-in-profiles.js';
import { decodeEscPos } from '../escpos-decoder.js';
import { FakeSerialPrinter } from '../fake-serial-printer.js';
import type { PrinterStatus } from '../printer-status.js';
import { renderTicket } from '../render-ticket.js';
import { sampleTicket } from '../sample-ticket.js';
import type { FakePrinterCondition } from '../scripted-printer.js';
import { hasSocat, startPtyPair } from '../testing/pty-pair.js';
import { TicketPrinter } from '../ticket-printer.js';
import { openPrinterTransport } from './open-printer-transport.js';

const canRun = hasSocat || !!process.env.CI;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** A socat pty pair with a scripted printer on the far end; the host end is what a transport opens. */
async function printerOnPty(condition: FakePrinterCondition = 'ok') {
  const ptys = await startPtyPair();
  cleanups.push(() => ptys.stop());
  const fake = await FakeSerialPrinter.open(ptys.printerPath, { condition });
  cleanups.push(() => fake.close());
  return { hostPath: ptys.hostPath, fake };
}

// The same pty serves both transports: to the serial transport it is a tty, to the device-file
// transport it is a character device read without blocking, as /dev/usb/lp0 is.
describe.skipIf(!canRun)('serial and device-file transports on a socat pty pair (needs socat)', () => {
  const uris = {
    serial: (path: string) => `serial:${path}?baud=19200&rtscts=1&timeout=300`,
    device: (path: string) => `${path}?timeout=300`,
  };

  describe.each(Object.entries(uris))('%s', (_kind, uriFor) => {
    it.each<[FakePrinterCondition, PrinterStatus]>([
      ['ok', 'ok'],
      ['paper-near-end', 'paper-near-end'],
      ['paper-end', 'paper-end'],
      ['cover-open', 'cover-open'],
      ['silent', 'offline'],
    ])('reads a printer that is %s', async (condition, expected) => {
      const { hostPath, fake } = await printerOnPty(condition);
      const transport = openPrinterTransport(uriFor(hostPath));
      cleanups.push(() => transport.close());
      expect(await transport.status()).toBe(expected);
      expect(fake.statusQueries[0]).toBe(1);
    });

    it('delivers a whole ticket, Cyrillic and QR intact', async () => {
      const { hostPath, fake } = await printerOnPty('ok');
      const transport = openPrinterTransport(uriFor(hostPath));
      cleanups.push(() => transport.close());
      const bytes = renderTicket(sampleTicket(new Date('2025-03-05T07:07:00Z')), BUILT_IN_PRINTER_PROFILES['generic-58mm']!);
      await transport.write(bytes);
      const received = await fake.waitForBytes(bytes.length);
      expect(received.equals(bytes)).toBe(true);
      const decoded = decodeEscPos(received);
      expect(decoded.lines).toContain('Эта строка должна читаться');
      expect(decoded.qrCodes[0]!.payload.toString()).toBe('https://talon.example/t/A015');
    });

    it('prints through TicketPrinter when ok and refuses on paper end', async () => {
      const { hostPath, fake } = await printerOnPty('ok');
      const printer = new TicketPrinter({ transport: openPrinterTransport(uriFor(hostPath)), profile: BUILT_IN_PRINTER_PROFILES['generic-80mm']!, settleMs: 0 });
      cleanups.push(() => printer.close());
      const ticket = sampleTicket(new Date('2025-03-05T07:07:00Z'));
      expect(await printer.printTicket(ticket)).toEqual({ ok: true, status: 'ok' });
      const printed = (await fake.waitForBytes(100)).length;
      fake.condition = 'paper-end';
      expect(await printer.printTicket(ticket)).toEqual({ ok: false, status: 'paper-end', stage: 'before-print' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fake.printed().length).toBe(printed);
    });
  });

  it.each(Object.entries(uris))('%s: a missing device is offline, and a write to it is unreachable', async (_kind, uriFor) => {
    const transport = openPrinterTransport(uriFor('/dev/talon-no-such-printer'));
    expect(await transport.status()).toBe('offline');
    await expect(transport.write(Buffer.from('x'))).rejects.toMatchObject({ name: 'PrinterTransportError', code: 'unreachable' });
  });
});
