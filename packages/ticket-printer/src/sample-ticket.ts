import type { PrintableTicket, TicketLanguage } from './printable-ticket.js';

/**
 * The ticket an installer prints to check a printer: every field and the longest labels, a
 * priority mark and a QR code, so one slip shows the code page, the widths, the QR and the cut.
 */
export function sampleTicket(issuedAt: Date, language: TicketLanguage = 'ru'): PrintableTicket {
  const ru = language === 'ru';
  return {
    officeName: ru ? 'Проверка принтера: Талон, ЦОК' : 'Printer check: Talon office',
    number: 'A015',
    serviceName: ru ? 'Оплата счетов и приём показаний счётчиков' : 'Bill payment and meter readings',
    issuedAt,
    timeZone: 'Europe/Moscow',
    peopleAhead: 3,
    estimatedWaitMin: 12,
    mark: { kind: 'priority', categoryName: ru ? 'Ветеран (проверка ёЁ №)' : 'Veteran' },
    trackUrl: 'https://talon.example/t/A015',
    footer: [ru ? 'Эта строка должна читаться по-русски: АБВГДЕЁЖЗ абвгдеёжз' : 'If you can read this, the printer works.'],
    language,
  };
}
