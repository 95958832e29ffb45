import type { OfficeSummary } from '@talon/protocol';

/** A Moscow office open 08:00-17:00 on weekdays, 10:00-14:00 on Saturday, lunch 13:00-13:45 for everyone. */
export function sampleOfficeSummary(edit: (summary: OfficeSummary) => void = () => {}): OfficeSummary {
  const weekday = { open: '08:00', close: '17:00' };
  const summary: OfficeSummary = {
    name: 'ЦОК «Северный»',
    address: 'г. Энск, ул. Мира, 5',
    timeZone: 'Europe/Moscow',
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: { open: '10:00', close: '14:00' }, sun: null },
    holidays: ['2026-12-31'],
    breaks: [{ from: '13:00', to: '13:45' }],
    rules: { waitingStandardMinutes: 15, bookingCheckInEarlyMinutes: 15, bookingLateGraceMinutes: 10 },
    services: [
      { id: 'payments', name: 'Оплата и консультации', bookable: true, slotMinutes: 15, capacityPerSlot: 2 },
      { id: 'contracts', name: 'Договоры', nameEn: 'Contracts', bookable: true, slotMinutes: 30, capacityPerSlot: 1 },
      { id: 'meters', name: 'Счётчики', bookable: false, slotMinutes: 15, capacityPerSlot: 1 },
    ],
  };
  edit(summary);
  return summary;
}
