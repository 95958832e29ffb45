import type { OfficeSummary } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { offeredSlots } from './offered-slots.js';

const MINUTE = 60_000;
/** Monday 23 November 2026, 07:00 in Moscow (04:00 UTC). */
const MONDAY_7_00 = Date.UTC(2026, 10, 23, 4, 0);
const msk = (date: string, time: string) => Date.parse(`${date}T${time}:00+03:00`);
const office = sampleOfficeSummary();
const slots = (serviceId: string, date: string, now = MONDAY_7_00, daysAhead = 14) => offeredSlots({ office, serviceId, date, now, daysAhead });
const times = (list: { start: number }[]) =>
  list.map((s) => new Date(s.start + 3 * 60 * MINUTE).toISOString().slice(11, 16));

describe('offered slots', () => {
  it.each([
    ['a weekday, 30-minute service', 'contracts', '2026-11-24', MONDAY_7_00, 16, '08:00', '16:30'],
    ['a weekday, 15-minute service', 'payments', '2026-11-24', MONDAY_7_00, 33, '08:00', '16:45'],
    ['Saturday, short hours, lunch too', 'payments', '2026-11-28', MONDAY_7_00, 13, '10:00', '13:45'],
    ['today from 10:05: only slots not yet begun', 'contracts', '2026-11-23', msk('2026-11-23', '10:05'), 11, '10:30', '16:30'],
  ])('%s', (_label, serviceId, date, now, count, first, last) => {
    const list = slots(serviceId, date, now);
    expect(list).toHaveLength(count);
    expect(times(list).at(0)).toBe(first);
    expect(times(list).at(-1)).toBe(last);
  });

  it.each([
    ['Sunday (closed)', 'payments', '2026-11-29', MONDAY_7_00, 14],
    ['a holiday', 'payments', '2026-12-31', MONDAY_7_00, 60],
    ['a service not open for booking', 'meters', '2026-11-24', MONDAY_7_00, 14],
    ['an unknown service', 'haircut', '2026-11-24', MONDAY_7_00, 14],
    ['yesterday', 'payments', '2026-11-22', MONDAY_7_00, 14],
    ['beyond the booking horizon', 'payments', '2026-12-09', MONDAY_7_00, 14],
    ['a malformed date', 'payments', '24.11.2026', MONDAY_7_00, 14],
  ])('offers nothing on %s', (_label, serviceId, date, now, daysAhead) => {
    expect(slots(serviceId, date, now, daysAhead)).toEqual([]);
  });

  it('skips every slot that overlaps the office-wide lunch, and only those', () => {
    const list = times(slots('contracts', '2026-11-24'));
    expect(list).toContain('12:30');
    expect(list).not.toContain('13:00');
    expect(list).not.toContain('13:30');
    expect(list).toContain('14:00');
    const quarter = times(slots('payments', '2026-11-24'));
    expect(quarter.filter((t) => t >= '12:45' && t <= '14:00')).toEqual(['12:45', '13:45', '14:00']);
  });

  type Breaks = OfficeSummary['breaks'];
  it.each<[string, Breaks, { tue: boolean; sat: boolean }]>([
    ['a break of every day (an office before weekday breaks)', [{ from: '13:00', to: '13:45' }], { tue: false, sat: false }],
    ['a Saturday-only break', [{ from: '13:00', to: '13:45', days: ['sat'] }], { tue: true, sat: false }],
    ['a weekday-only break', [{ from: '13:00', to: '13:45', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }], { tue: false, sat: true }],
    ['a Sunday-only break (closed anyway)', [{ from: '13:00', to: '13:45', days: ['sun'] }], { tue: true, sat: true }],
  ])('%s removes the 13:00 slot only on its days', (_label, breaks, offers13) => {
    const office = sampleOfficeSummary((s) => (s.breaks = breaks));
    const at13 = (date: string) => times(offeredSlots({ office, serviceId: 'payments', date, now: MONDAY_7_00, daysAhead: 14 })).includes('13:00');
    expect({ tue: at13('2026-11-24'), sat: at13('2026-11-28') }).toEqual(offers13);
  });

  it('follows special days: a shortened Tuesday and a working Sunday', () => {
    const office = sampleOfficeSummary((s) => {
      s.specialDays = [
        { date: '2026-11-24', open: '08:00', close: '16:00' },
        { date: '2026-11-29', open: '10:00', close: '12:00' },
      ];
    });
    const on = (date: string) => times(offeredSlots({ office, serviceId: 'contracts', date, now: MONDAY_7_00, daysAhead: 14 }));
    expect(on('2026-11-24').at(-1)).toBe('15:30');
    expect(on('2026-11-29')).toEqual(['10:00', '10:30', '11:00', '11:30']);
    expect(on('2026-11-25').at(-1)).toBe('16:30');
  });

  it('carries the capacity and length of the service', () => {
    expect(slots('payments', '2026-11-24')[0]).toEqual({ start: msk('2026-11-24', '08:00'), minutes: 15, capacity: 2 });
  });

  it('keeps the office zone: Yekaterinburg opens two hours before Moscow in UTC', () => {
    const ekb = sampleOfficeSummary((s) => (s.timeZone = 'Asia/Yekaterinburg'));
    expect(offeredSlots({ office: ekb, serviceId: 'contracts', date: '2026-11-24', now: MONDAY_7_00, daysAhead: 14 })[0]!.start).toBe(
      Date.parse('2026-11-24T08:00:00+05:00'),
    );
  });
});
