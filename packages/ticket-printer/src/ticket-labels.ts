import type { TicketLanguage } from './printable-ticket.js';

/** The words printed around a ticket's fields, in each language a kiosk offers. */
export interface TicketLabels {
  ticket: string;
  service: string;
  peopleAhead: (count: number) => string;
  estimatedWait: (minutes: number | null) => string;
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
    estimatedWait: (minutes) =>
      minutes === null ? 'Ожидание: уточняется' : minutes < 1 ? 'Ожидание: меньше минуты' : `Ожидание ~${Math.ceil(minutes)} мин`,
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
    estimatedWait: (minutes) =>
      minutes === null ? 'Wait: not known yet' : minutes < 1 ? 'Wait: under a minute' : `Wait ~${Math.ceil(minutes)} min`,
    issued: 'Issued',
    priority: 'Priority',
    showDocument: (document) => `Show at the desk: ${document}`,
    booking: (slotTime) => `Booked for ${slotTime}`,
    scanToTrack: 'Scan to follow the queue',
  },
};
