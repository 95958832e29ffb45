import { describe, expect, it } from 'vitest';
import { checkPrintableTicket, MAX_QR_PAYLOAD_BYTES, type PrintableTicket } from './printable-ticket.js';
import { TicketLayoutError } from './ticket-printer-errors.js';

const good: PrintableTicket = {
  officeName: 'ЦОК Центральный',
  number: 'A015',
  serviceName: 'Оплата',
  issuedAt: new Date('2025-03-05T07:07:00Z'),
  timeZone: 'Europe/Moscow',
  peopleAhead: 0,
  estimatedWaitMin: null,
};

function refusal(ticket: unknown): TicketLayoutError {
  try {
    checkPrintableTicket(ticket as PrintableTicket);
  } catch (error) {
    expect(error).toBeInstanceOf(TicketLayoutError);
    return error as TicketLayoutError;
  }
  throw new Error('the ticket was accepted');
}

describe('checkPrintableTicket', () => {
  it('accepts a plain ticket and a full one', () => {
    expect(() => checkPrintableTicket(good)).not.toThrow();
    expect(() =>
      checkPrintableTicket({
        ...good,
        estimatedWaitMin: 12.5,
        mark: { kind: 'booking', slotTime: '10:30' },
        trackUrl: 'https://talon.example/t/A015?office=msk-1&x=%D0%B0',
        footer: ['Спасибо', ''],
        language: 'en',
      }),
    ).not.toThrow();
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a Cyrillic prefix letter', { number: 'А015' }, 'number', 'invalid-ticket'],
    ['a lower-case prefix', { number: 'a015' }, 'number', 'invalid-ticket'],
    ['a number with no digits', { number: 'A' }, 'number', 'invalid-ticket'],
    ['an empty office name', { officeName: '  ' }, 'officeName', 'invalid-ticket'],
    ['a service name that is not a string', { serviceName: 42 }, 'serviceName', 'invalid-ticket'],
    ['a 201-character service name', { serviceName: 'я'.repeat(201) }, 'serviceName', 'invalid-ticket'],
    ['an invalid date', { issuedAt: new Date('nonsense') }, 'issuedAt', 'invalid-ticket'],
    ['a time as a number', { issuedAt: 1741158420000 }, 'issuedAt', 'invalid-ticket'],
    ['an unknown time zone', { timeZone: 'Europe/Mordor' }, 'timeZone', 'invalid-time-zone'],
    ['negative people ahead', { peopleAhead: -1 }, 'peopleAhead', 'invalid-ticket'],
    ['fractional people ahead', { peopleAhead: 1.5 }, 'peopleAhead', 'invalid-ticket'],
    ['a negative wait', { estimatedWaitMin: -3 }, 'estimatedWaitMin', 'invalid-ticket'],
    ['an infinite wait', { estimatedWaitMin: Infinity }, 'estimatedWaitMin', 'invalid-ticket'],
    ['an unknown mark', { mark: { kind: 'vip' } }, 'mark.kind', 'invalid-ticket'],
    ['a priority mark without a category', { mark: { kind: 'priority', categoryName: '' } }, 'mark.categoryName', 'invalid-ticket'],
    ['a booking mark without a time', { mark: { kind: 'booking' } }, 'mark.slotTime', 'invalid-ticket'],
    ['a Cyrillic tracking URL', { trackUrl: 'https://талон.рф/t/1' }, 'trackUrl', 'non-ascii-qr-payload'],
    ['a tracking URL with a space', { trackUrl: 'https://x/t 1' }, 'trackUrl', 'non-ascii-qr-payload'],
    ['a tracking URL with a control byte', { trackUrl: 'https://x/\x10\x04\x01' }, 'trackUrl', 'non-ascii-qr-payload'],
    ['an empty tracking URL', { trackUrl: '' }, 'trackUrl', 'invalid-ticket'],
    ['a tracking URL too long for a printer', { trackUrl: `https://x/${'a'.repeat(MAX_QR_PAYLOAD_BYTES)}` }, 'trackUrl', 'qr-payload-too-long'],
    ['a footer that is not a list', { footer: 'Спасибо' }, 'footer', 'invalid-ticket'],
    ['eleven footer lines', { footer: Array(11).fill('x') }, 'footer', 'invalid-ticket'],
    ['a footer line that is not text', { footer: ['ok', null] }, 'footer[1]', 'invalid-ticket'],
    ['an unknown language', { language: 'de' }, 'language', 'invalid-ticket'],
  ])('refuses %s, naming the field', (_name, change, field, code) => {
    const error = refusal({ ...good, ...change });
    expect(error.field).toBe(field);
    expect(error.code).toBe(code);
    expect(error.message).toContain(field);
  });

  it('refuses something that is not a ticket at all', () => {
    expect(refusal(null).field).toBe('ticket');
  });

  it('says which character made a URL unprintable', () => {
    expect(refusal({ ...good, trackUrl: 'https://x/ё' }).message).toContain('U+0451');
  });
});
