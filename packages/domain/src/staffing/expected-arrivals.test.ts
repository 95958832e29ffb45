import { describe, expect, it } from 'vitest';
import { instantOfLocal } from '../office-hours.js';
import { testOffice } from '../testing/office-fixture.js';
import { expectedArrivals, sampleDatesFor, type PlanHistoryTicket } from './expected-arrivals.js';

const setup = testOffice((s) => {
  s.schedule.holidays = ['2026-11-17', '2026-12-31'];
  s.schedule.specialDays = { '2026-11-03': { open: '09:00', close: '16:00' } };
});
const at = (date: string, time: string) => instantOfLocal('Europe/Moscow', date, time);
const visit = (officeDay: string, time: string, serviceId: string, extra: Partial<PlanHistoryTicket> = {}): PlanHistoryTicket => ({
  officeDay,
  serviceId,
  kind: 'walk-in',
  issuedAt: at(officeDay, time),
  ...extra,
});

describe('the history a plan reads: the same weekday of the last weeks', () => {
  it.each([
    // Tuesday 1 December: Tuesdays back to 20 October; 17 November a holiday, 3 November a special day.
    [4, ['2026-11-24', '2026-11-10'], [{ date: '2026-11-17', reason: 'holiday' }, { date: '2026-11-03', reason: 'special-day' }]],
    [1, ['2026-11-24'], []],
    [6, ['2026-11-24', '2026-11-10', '2026-10-27', '2026-10-20'], [{ date: '2026-11-17', reason: 'holiday' }, { date: '2026-11-03', reason: 'special-day' }]],
  ])('%i weeks before Tuesday 1 December', (weeks, used, skipped) => {
    expect(sampleDatesFor(setup.schedule, '2026-12-01', weeks)).toEqual({ used, skipped });
  });

  it('a Sunday the office keeps no hours on is left out as closed', () => {
    expect(sampleDatesFor(setup.schedule, '2026-12-06', 2)).toEqual({ used: [], skipped: [{ date: '2026-11-29', reason: 'closed' }, { date: '2026-11-22', reason: 'closed' }] });
  });
});

describe('visitors expected per hour and service', () => {
  const sample = sampleDatesFor(setup.schedule, '2026-12-01', 4);
  // Two Tuesdays with tickets (24 and 10 November); the 24th has 3 in the 08 hour, 1 in the 09; the 10th 1 and 1.
  const history = [
    visit('2026-11-24', '07:55', 'payments'), // before opening: counts in the first hour
    visit('2026-11-24', '08:10', 'payments', { kind: 'priority', deskMs: 4 * 60_000 }),
    visit('2026-11-24', '08:40', 'contracts', { deskMs: 30 * 60_000 }),
    visit('2026-11-24', '09:05', 'payments', { deskMs: 8 * 60_000 }),
    visit('2026-11-10', '08:20', 'payments'),
    visit('2026-11-10', '16:50', 'meters'), // after the last issue (16:45): counts in the last hour, 16
    visit('2026-11-17', '10:00', 'payments'), // a holiday: not read
    visit('2026-10-27', '10:00', 'payments'), // not among the 4 weeks' dates
  ];
  const expected = expectedArrivals(setup.schedule, setup.services, '2026-12-01', sample, history);

  it('is the mean of the sample dates that had tickets; a date with none is left out', () => {
    expect(expected.sampleDates).toEqual(['2026-11-24', '2026-11-10']);
    expect(expected.skipped).toEqual([
      { date: '2026-11-17', reason: 'holiday' },
      { date: '2026-11-03', reason: 'special-day' },
    ]);
    expect(expected.hours).toEqual({ open: '08:00', close: '17:00' });
  });

  it('counts each hour from opening to the last issue, with its window', () => {
    expect(expected.byHour.map((h) => h.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const [first, second] = expected.byHour;
    expect(first).toEqual({ hour: 8, fromMinute: 480, toMinute: 540, total: 2, byService: { payments: 1.5, contracts: 0.5 }, priorityByService: { payments: 0.5 } });
    expect(second).toMatchObject({ hour: 9, total: 0.5, byService: { payments: 0.5 } });
    expect(expected.byHour.at(-1)).toMatchObject({ hour: 16, fromMinute: 960, toMinute: 1005, total: 0.5, byService: { meters: 0.5 } });
  });

  it('takes the desk time of served visits, or the service norm without any', () => {
    expect(expected.deskMinutes).toEqual({ payments: 6, contracts: 30, meters: 4 });
    expect(expected.deskMsSamples).toEqual({ payments: [240_000, 480_000], contracts: [1_800_000] });
  });

  it('has no hours and no figures on a holiday', () => {
    const holiday = expectedArrivals(setup.schedule, setup.services, '2026-12-31', sampleDatesFor(setup.schedule, '2026-12-31', 2), history);
    expect(holiday.hours).toBeUndefined();
    expect(holiday.byHour).toEqual([]);
  });
});
