import { addressIn, inLanguage, t, type Language } from '@talon/messages';
import type { PublicBookingView } from '@talon/protocol';

/**
 * A booking as an iCalendar file (RFC 5545) the visitor adds to their phone's calendar: one
 * VEVENT at the slot, in UTC (a `Z` time needs no VTIMEZONE, so every calendar reads it the same),
 * the office's name and address as LOCATION, the code in the description. Pure: the stamp time
 * comes in. The UID is the booking's code at this service, so a second download replaces the
 * first entry instead of adding a twin, and a cancelled booking's file cancels it.
 */
export function bookingCalendar(booking: PublicBookingView, options: { language: Language; now: number; earlyMinutes: number }): string {
  const { language } = options;
  const officeName = inLanguage(booking.officeName, booking.officeNameEn, language);
  const address = addressIn({ address: booking.officeAddress, addressEn: booking.officeAddressEn }, language);
  const serviceName = inLanguage(booking.serviceName, booking.serviceNameEn, language);
  const cancelled = booking.status === 'cancelled';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Talon//Booking//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:booking-${booking.code}-${booking.officeId}@talon`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `DTSTART:${utcStamp(booking.slotStart)}`,
    `DTEND:${utcStamp(booking.slotStart + booking.slotMinutes * 60_000)}`,
    `SUMMARY:${escapeText(t(language, 'booking.calendarSummary', { service: serviceName }))}`,
    `LOCATION:${escapeText(address ? `${officeName}, ${address}` : officeName)}`,
    `DESCRIPTION:${escapeText(t(language, 'booking.calendarDescription', { code: booking.code, early: options.earlyMinutes }))}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** 20261207T090000Z: a date-time in UTC (RFC 5545, 3.3.5 form #2). */
function utcStamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** TEXT values (3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded (3.1): CRLF and a space. Russian letters are two octets
 * in UTF-8, so the cut is counted in bytes and never splits a character.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // a continuation line starts with the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
