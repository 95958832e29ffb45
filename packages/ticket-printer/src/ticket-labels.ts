import type { TicketLanguage } from './printable-ticket.js';

/** The words printed around a ticket's fields, in each language a kiosk offers. */
export interface TicketLabels {
  ticket: string;
  service: string;
  peopleAhead: (count: number) => string;
  /** With a range, the range ("15-25"); under a minute, a promise of a call soon. */
  estimatedWait: (minutes: number | null, range?: { fromMin: number; toMin: number }) => string;
  issued: string;
  priority: string;
  showDocument: (document: string) => string;
  booking: (slotTime: string) => string;
  scanToTrack: string;
}

export const TICKET_LABELS: Record<TicketLanguage, TicketLabels> = {
  ru: {
    ticket: 'Талон',
    service: 'Услуга',
    // "чел." reads right after any number, so no plural rules are needed.
    peopleAhead: (count) => `Перед вами: ${count} чел.`,
    estimatedWait: (minutes, range) =>
      minutes === null
        ? 'Ожидание: уточняется'
        : minutes < 1
          ? 'Вас вызовут в ближайшие минуты'
          : range
            ? `Примерное ожидание: ${rangeText(range)} мин`
            : `Ожидание ~${Math.ceil(minutes)} мин`,
    issued: 'Выдан',
    priority: 'Вне очереди',
    showDocument: (document) => `Предъявите в окне: ${document}`,
    booking: (slotTime) => `По записи на ${slotTime}`,
    scanToTrack: 'Следите за очередью по QR-коду',
  },
  en: {
    ticket: 'Ticket',
    service: 'Service',
    peopleAhead: (count) => `People ahead: ${count}`,
    estimatedWait: (minutes, range) =>
      minutes === null
        ? 'Wait: not known yet'
        : minutes < 1
          ? 'You will be called within minutes'
          : range
            ? `Estimated wait: ${rangeText(range)} min`
            : `Wait ~${Math.ceil(minutes)} min`,
    issued: 'Issued',
    priority: 'Priority',
    showDocument: (document) => `Show at the desk: ${document}`,
    booking: (slotTime) => `Booked for ${slotTime}`,
    scanToTrack: 'Scan to follow the queue',
  },
};

/** "15-25"; a range of one minute reads as that minute. ASCII hyphen: the printer's code page has no dash to spare. */
function rangeText(range: { fromMin: number; toMin: number }): string {
  return range.fromMin === range.toMin ? String(range.fromMin) : `${range.fromMin}-${range.toMin}`;
}
