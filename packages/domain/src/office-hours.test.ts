import { describe, expect, it } from 'vitest';
import { instantOfLocal, issuingWindow, officeDayOf, scheduledBreakAt } from './office-hours.js';
import type { OfficeSchedule } from './office-setup.js';
import { testOffice } from './testing/office-fixture.js';

const schedule = (timeZone: string, edit: (s: OfficeSchedule) => void = () => {}): OfficeSchedule => {
  const s = { ...testOffice().schedule, timeZone };
  edit(s);
  return s;
};
const utc = (text: string) => Date.parse(`${text}Z`);

describe('office hours in the office own time zone', () => {
  it.each([
    ['Europe/Moscow', '2026-11-24T20:59', '2026-11-24'],
    ['Europe/Moscow', '2026-11-24T21:00', '2026-11-25'],
    ['Asia/Yekaterinburg', '2026-11-24T18:59', '2026-11-24'],
    ['Asia/Yekaterinburg', '2026-11-24T19:00', '2026-11-25'],
    ['Asia/Vladivostok', '2026-11-24T13:59', '2026-11-24'],
  ])('%s at %s UTC is office day %s', (zone, at, day) => {
    expect(officeDayOf(schedule(zone), utc(at))).toBe(day);
  });

  it.each([
    ['Europe/Moscow', '2026-11-24', '08:00', '2026-11-24T05:00'],
    ['Asia/Yekaterinburg', '2026-11-24', '08:00', '2026-11-24T03:00'],
    ['Europe/Berlin', '2026-03-28', '08:00', '2026-03-28T07:00'],
    ['Europe/Berlin', '2026-03-30', '08:00', '2026-03-30T06:00'],
    ['Europe/Berlin', '2026-10-26', '08:00', '2026-10-26T07:00'],
  ])('%s %s %s local is %s UTC (DST-aware)', (zone, date, time, expected) => {
    expect(instantOfLocal(zone, date, time)).toBe(utc(expected));
  });

  it.each<[string, string, boolean, string | undefined, string | undefined]>([
    // Moscow is UTC+3; Mon-Fri 08:00-17:00, Sat 08:00-16:00, stop issuing 15 min before closing.
    ['Tuesday 07:59', '2026-11-24T04:59', false, '2026-11-24T05:00', undefined],
    ['Tuesday 08:00', '2026-11-24T05:00', true, undefined, '2026-11-24T14:00'],
    ['Tuesday 16:44', '2026-11-24T13:44', true, undefined, '2026-11-24T14:00'],
    ['Tuesday 16:45', '2026-11-24T13:45', false, '2026-11-25T05:00', undefined],
    ['Saturday 15:40', '2026-11-28T12:40', true, undefined, '2026-11-28T13:00'],
    ['Saturday 15:45', '2026-11-28T12:45', false, '2026-11-30T05:00', undefined],
    ['Sunday noon', '2026-11-29T09:00', false, '2026-11-30T05:00', undefined],
    ['a holiday, 31 December', '2026-12-31T09:00', false, '2027-01-01T05:00', undefined],
  ])('%s: issuing %s', (_label, at, open, opensAt, closesAt) => {
    const window = issuingWindow(schedule('Europe/Moscow'), utc(at));
    expect(window.open).toBe(open);
    if (opensAt) expect(window.opensAt).toBe(utc(opensAt));
    if (closesAt) expect(window.closesAt).toBe(utc(closesAt));
  });

  it.each<[string, string, boolean, string | undefined, string | undefined]>([
    // 3 November (Tuesday) shortened by an hour before a holiday; Sunday 8 November a working day.
    ['the shortened day, 15:44', '2026-11-03T12:44', true, undefined, '2026-11-03T13:00'],
    ['the shortened day, 15:45: its last quarter hour', '2026-11-03T12:45', false, '2026-11-05T05:00', undefined],
    ['the working Sunday, 10:00', '2026-11-08T07:00', true, undefined, '2026-11-08T11:00'],
    ['the Saturday before it, after closing: opens on the working Sunday', '2026-11-07T14:00', false, '2026-11-08T07:00', undefined],
  ])('special days: %s, issuing %s', (_label, at, open, opensAt, closesAt) => {
    const office = schedule('Europe/Moscow', (s) => {
      s.holidays = ['2026-11-04'];
      s.specialDays = { '2026-11-03': { open: '08:00', close: '16:00' }, '2026-11-08': { open: '10:00', close: '14:00' } };
    });
    const window = issuingWindow(office, utc(at));
    expect(window.open).toBe(open);
    if (opensAt) expect(window.opensAt).toBe(utc(opensAt));
    if (closesAt) expect(window.closesAt).toBe(utc(closesAt));
  });

  it('lets kiosks start early when the office says so', () => {
    const early = schedule('Europe/Moscow', (s) => (s.issueFromMinutesBeforeOpen = 10));
    expect(issuingWindow(early, utc('2026-11-24T04:50')).open).toBe(true);
    expect(issuingWindow(early, utc('2026-11-24T04:49')).open).toBe(false);
  });

  it('is always open in the demo office', () => {
    expect(issuingWindow(schedule('Europe/Moscow', (s) => (s.alwaysOpen = true)), utc('2026-11-29T01:00'))).toEqual({ open: true });
  });

  it('finds the staggered lunch of an operator', () => {
    const s = schedule('Europe/Moscow');
    expect(scheduledBreakAt(s, 'op1', utc('2026-11-24T09:10'))).toMatchObject({ reason: 'lunch', from: '12:00' });
    expect(scheduledBreakAt(s, 'op1', utc('2026-11-24T09:45'))).toBeUndefined();
    expect(scheduledBreakAt(s, 'op2', utc('2026-11-24T09:10'))).toBeUndefined();
  });

  it('keeps a break to its weekdays when it names them', () => {
    // Tuesday 24 and Saturday 28 November 2026, 12:10 in Moscow.
    const saturdayLunch = schedule('Europe/Moscow', (x) => {
      x.breaks = [
        { operatorId: 'op1', from: '12:00', to: '12:45', reason: 'lunch', days: [1, 2, 3, 4, 5] },
        { operatorId: 'op1', from: '11:30', to: '12:00', reason: 'lunch', days: [6] },
      ];
    });
    expect(scheduledBreakAt(saturdayLunch, 'op1', utc('2026-11-24T09:10'))).toMatchObject({ from: '12:00' });
    expect(scheduledBreakAt(saturdayLunch, 'op1', utc('2026-11-28T09:10'))).toBeUndefined();
    expect(scheduledBreakAt(saturdayLunch, 'op1', utc('2026-11-28T08:40'))).toMatchObject({ from: '11:30' });
    expect(scheduledBreakAt(saturdayLunch, 'op1', utc('2026-11-24T08:40'))).toBeUndefined();
  });
});
