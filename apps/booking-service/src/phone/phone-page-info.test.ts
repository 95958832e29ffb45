import type { OfficeSummary } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { hoursOn, phonePageInfo } from './phone-page-info.js';

const day = { open: '09:00', close: '18:00' };
const summary = {
  name: 'Офис', address: 'ул. Ленина, 1', timeZone: 'Europe/Moscow',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: { open: '10:00', close: '14:00' }, sun: null },
  holidays: ['2026-11-04'], specialDays: [{ date: '2026-12-31', open: '09:00', close: '13:00' }], breaks: [],
  rules: { waitingStandardMinutes: 15, bookingCheckInEarlyMinutes: 15, bookingLateGraceMinutes: 5 },
  services: [{ id: 'pay', name: 'Оплата', nameEn: 'Payments', bookable: true, slotMinutes: 15, capacityPerSlot: 1 }],
} as OfficeSummary;

describe("the office's hours on the phone page", () => {
  it.each([
    ['2026-11-24', day], // a Tuesday
    ['2026-11-28', { open: '10:00', close: '14:00' }], // a Saturday
    ['2026-11-29', null], // a Sunday
    ['2026-11-04', null], // a holiday on a Wednesday
    ['2026-12-31', { open: '09:00', close: '13:00' }], // a special day
  ])('%s', (date, hours) => expect(hoursOn(summary, date)).toEqual(hours));

  it('names the office and its services, and nothing else; an office not yet described still gets a page', () => {
    expect(phonePageInfo('north', '2026-11-24', summary)).toEqual({
      ok: true, officeId: 'north', officeDay: '2026-11-24',
      office: { name: 'Офис', address: 'ул. Ленина, 1', hoursToday: day },
      services: [{ id: 'pay', name: 'Оплата', nameEn: 'Payments' }],
      nudges: {},
    });
    expect(phonePageInfo('north', '2026-11-24', undefined)).toEqual({ ok: true, officeId: 'north', officeDay: '2026-11-24', office: null, services: [], nudges: {} });
  });
});
