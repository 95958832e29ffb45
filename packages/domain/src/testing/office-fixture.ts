import { DEFAULT_OFFICE_RULES, type OfficeSetup } from '../office-setup.js';

/**
 * A small office the rule tables read easily: services A (payments), B (contracts), C (meters);
 * desk 1 serves A and C, weighted; desk 2 serves B then A, in order; desk 3 serves A only.
 */
export function testOffice(edit: (setup: OfficeSetup) => void = () => {}): OfficeSetup {
  const setup: OfficeSetup = {
    officeId: 'test-office',
    name: 'Test office',
    services: [
      { id: 'payments', name: 'Оплата', prefix: 'A', normMinutes: 6, outcomes: [{ id: 'paid', name: 'Оплачено' }] },
      { id: 'contracts', name: 'Договоры', prefix: 'B', normMinutes: 20, outcomes: [] },
      { id: 'meters', name: 'Показания', prefix: 'C', normMinutes: 4, outcomes: [] },
    ],
    desks: [
      { id: 'd1', number: 1, name: 'Окно 1', servicePolicy: 'weighted', services: [{ serviceId: 'payments', weight: 1 }, { serviceId: 'meters', weight: 1 }] },
      { id: 'd2', number: 2, name: 'Окно 2', servicePolicy: 'order', services: [{ serviceId: 'contracts', weight: 1 }, { serviceId: 'payments', weight: 1 }] },
      { id: 'd3', number: 3, name: 'Окно 3', servicePolicy: 'weighted', services: [{ serviceId: 'payments', weight: 1 }] },
    ],
    operators: [
      { id: 'op1', name: 'Иванова' },
      { id: 'op2', name: 'Петров' },
      { id: 'op3', name: 'Сидорова' },
    ],
    categories: [
      { id: 'disabled', name: 'Инвалиды', document: 'Справка МСЭ' },
      { id: 'svo', name: 'Участники СВО', document: 'Удостоверение' },
    ],
    schedule: {
      timeZone: 'Europe/Moscow',
      alwaysOpen: false,
      week: {
        1: { open: '08:00', close: '17:00' },
        2: { open: '08:00', close: '17:00' },
        3: { open: '08:00', close: '17:00' },
        4: { open: '08:00', close: '17:00' },
        5: { open: '08:00', close: '17:00' },
        6: { open: '08:00', close: '16:00' },
      },
      holidays: ['2026-12-31'],
      specialDays: {},
      issueFromMinutesBeforeOpen: 0,
      issueUntilMinutesBeforeClose: 15,
      breaks: [{ operatorId: 'op1', from: '12:00', to: '12:45', reason: 'lunch' }],
    },
    rules: { ...DEFAULT_OFFICE_RULES },
  };
  edit(setup);
  return setup;
}

/** Tuesday 24 November 2026, 10:00 in Moscow (07:00 UTC): the office is open. */
export const TUESDAY_10_00 = Date.UTC(2026, 10, 24, 7, 0);
export const MINUTE = 60_000;
