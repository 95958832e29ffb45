import type { PrintJobTicket } from '@talon/protocol';
import { BUILT_IN_PRINTER_PROFILES, checkPrintableTicket, decodeEscPos, renderTicket } from '@talon/ticket-printer';
import { describe, expect, it } from 'vitest';
import { toPrintableTicket } from './print-job-ticket.js';

const wire: PrintJobTicket = {
  officeName: 'ЦОК «Энергосбыт»',
  number: 'A015',
  serviceName: 'Оплата и консультации',
  issuedAt: Date.UTC(2026, 10, 23, 7, 5),
  timeZone: 'Asia/Yekaterinburg',
  peopleAhead: 3,
  estimatedWaitMin: 12,
  language: 'ru',
};

describe('a print job ticket as the printer package takes it', () => {
  it('turns epoch ms into a Date and leaves absent fields absent', () => {
    const ticket = toPrintableTicket(wire);
    expect(ticket.issuedAt).toEqual(new Date(Date.UTC(2026, 10, 23, 7, 5)));
    expect(Object.keys(ticket).sort()).toEqual(
      ['officeName', 'number', 'serviceName', 'issuedAt', 'timeZone', 'peopleAhead', 'estimatedWaitMin', 'language'].sort(),
    );
    expect(() => checkPrintableTicket(ticket)).not.toThrow();
  });

  it('keeps the mark, tracking link and footer, and they reach the paper', () => {
    const ticket = toPrintableTicket({
      ...wire,
      mark: { kind: 'booking', slotTime: '12:30' },
      trackUrl: 'https://talon.example/t/A015',
      footer: ['Спасибо!'],
    });
    const decoded = decodeEscPos(renderTicket(ticket, BUILT_IN_PRINTER_PROFILES['generic-80mm']!));
    const text = decoded.lines.join('\n');
    expect(text).toContain('A015');
    expect(text).toContain('12:30');
    expect(text).toContain('Спасибо!');
    // Issued 07:05 UTC is 12:05 in Yekaterinburg: the office's zone, not the PC's.
    expect(text).toContain('12:05');
    expect(decoded.qrCodes.map((q) => q.payload.toString('ascii'))).toEqual(['https://talon.example/t/A015']);
  });
});
