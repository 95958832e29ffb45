import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { PublicBookingView } from '@talon/protocol';
import { bookingCalendar } from './booking-calendar.js';

const booking: PublicBookingView = {
  code: '123456789012',
  officeId: 'demo-office',
  officeName: 'ЦОК «Центральный» (демо)',
  officeNameEn: 'Central customer office (demo)',
  officeAddress: 'г. Энск, ул. Ленина, 1',
  officeAddressEn: '1 Lenina St, Ensk',
  serviceId: 'payments',
  serviceName: 'Оплата и консультации',
  serviceNameEn: 'Payments and advice',
  // 2026-12-07 10:30 in Moscow
  slotStart: Date.UTC(2026, 11, 7, 7, 30),
  slotMinutes: 15,
  timeZone: 'Europe/Moscow',
  status: 'booked',
  customerName: 'Иванова Мария',
  phoneMasked: '+7 *** ***-45-67',
};
const NOW = Date.UTC(2026, 11, 5, 19, 0);

describe('booking calendar file (RFC 5545)', () => {
  it('parses with an independent iCalendar parser: one event at the slot in UTC, with summary, location and uid', () => {
    const text = bookingCalendar(booking, { language: 'ru', now: NOW, earlyMinutes: 15 });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().getTime()).toBe(booking.slotStart);
    expect(event.endDate.toJSDate().getTime()).toBe(booking.slotStart + 15 * 60_000);
    expect(event.summary).toBe('Приём: Оплата и консультации');
    expect(event.location).toBe('ЦОК «Центральный» (демо), г. Энск, ул. Ленина, 1');
    expect(event.uid).toBe('booking-123456789012-demo-office@talon');
    expect(event.description).toContain('123456789012');
    expect(events[0]!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-12-05T19:00:00Z');
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('keeps to the wire format: CRLF lines of at most 75 octets, folded without splitting a letter', () => {
    const text = bookingCalendar({ ...booking, officeAddress: 'г. Энск, ул. Героев Трудового Фронта и Защитников Отечества, дом 148, корпус 2, строение 7' }, { language: 'ru', now: NOW, earlyMinutes: 15 });
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(lines.join('\n')).not.toContain('\uFFFD');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    // The escaped commas come back as commas once unfolded and read.
    expect(event.location).toBe('ЦОК «Центральный» (демо), г. Энск, ул. Героев Трудового Фронта и Защитников Отечества, дом 148, корпус 2, строение 7');
  });

  it('speaks English for an English page, and a cancelled booking cancels the same event', () => {
    const english = new ICAL.Event(new ICAL.Component(ICAL.parse(bookingCalendar(booking, { language: 'en', now: NOW, earlyMinutes: 15 }))).getFirstSubcomponent('vevent')!);
    expect(english.summary).toBe('Visit: Payments and advice');
    expect(english.location).toBe('Central customer office (demo), 1 Lenina St, Ensk');
    const cancelled = new ICAL.Component(ICAL.parse(bookingCalendar({ ...booking, status: 'cancelled' }, { language: 'ru', now: NOW, earlyMinutes: 15 })));
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(new ICAL.Event(cancelled.getFirstSubcomponent('vevent')!).uid).toBe(english.uid);
  });
});
