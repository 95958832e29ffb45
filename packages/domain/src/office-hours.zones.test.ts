import { describe, expect, it } from 'vitest';
import { describeLocal, instantOfLocal, issuingWindow, localTimeOf, officeDayOf, scheduledBreakAt } from './office-hours.js';
import type { OfficeSchedule } from './office-setup.js';
import { MINUTE, testOffice } from './testing/office-fixture.js';

/*
 * Office hours in three kinds of zone: Moscow (UTC+3 all year), Yekaterinburg (UTC+5 all year)
 * and Berlin (CET/CEST, clocks change on 29 March and 25 October 2026). The test office keeps
 * Mon-Fri 08:00-17:00 and Sat 08:00-16:00 local, stops issuing 15 minutes before closing, and
 * is closed on 31 December.
 */

const schedule = (timeZone: string, edit: (s: OfficeSchedule) => void = () => {}): OfficeSchedule => {
  const s = structuredClone({ ...testOffice().schedule, timeZone });
  edit(s);
  return s;
};
const utc = (text: string) => Date.parse(`${text}Z`);
const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString().slice(0, 16));

describe('issuing window in zones with and without summer time', () => {
  it.each<[string, string, string, boolean, string | undefined, string | undefined]>([
    // zone, label, now (UTC), open, opensAt (UTC), closesAt (UTC)
    ['Asia/Yekaterinburg', 'Tuesday 07:59', '2026-11-24T02:59', false, '2026-11-24T03:00', '2026-11-24T12:00'],
    ['Asia/Yekaterinburg', 'Tuesday 08:00', '2026-11-24T03:00', true, undefined, '2026-11-24T12:00'],
    ['Asia/Yekaterinburg', 'Tuesday 16:45, the cut-off', '2026-11-24T11:45', false, '2026-11-25T03:00', '2026-11-24T12:00'],
    ['Europe/Moscow', 'Tuesday 16:50, after the cut-off, before closing', '2026-11-24T13:50', false, '2026-11-25T05:00', '2026-11-24T14:00'],
    ['Europe/Moscow', 'Sunday: no hours, no closing time', '2026-11-29T07:00', false, '2026-11-30T05:00', undefined],
    ['Europe/Moscow', 'Saturday 07:00, before opening', '2026-11-28T04:00', false, '2026-11-28T05:00', '2026-11-28T13:00'],
    ['Europe/Berlin', 'Friday 27 March 08:00 CET', '2026-03-27T07:00', true, undefined, '2026-03-27T16:00'],
    ['Europe/Berlin', 'Friday evening: opens Saturday 08:00 CET', '2026-03-27T17:00', false, '2026-03-28T07:00', '2026-03-27T16:00'],
    ['Europe/Berlin', 'Saturday evening: opens Monday 08:00 CEST, across the change', '2026-03-28T16:00', false, '2026-03-30T06:00', '2026-03-28T15:00'],
    ['Europe/Berlin', 'Monday 30 March 07:59 CEST', '2026-03-30T05:59', false, '2026-03-30T06:00', '2026-03-30T15:00'],
    ['Europe/Berlin', 'Monday 30 March 08:00 CEST', '2026-03-30T06:00', true, undefined, '2026-03-30T15:00'],
    ['Europe/Berlin', 'Saturday 24 October evening: opens Monday 08:00 CET', '2026-10-24T15:00', false, '2026-10-26T07:00', '2026-10-24T14:00'],
    ['Europe/Berlin', 'Sunday 25 October, the night the clocks go back', '2026-10-25T01:30', false, '2026-10-26T07:00', undefined],
  ])('%s, %s', (zone, _label, now, open, opensAt, closesAt) => {
    const window = issuingWindow(schedule(zone), utc(now));
    expect({ open: window.open, opensAt: iso(window.opensAt), closesAt: iso(window.closesAt) }).toEqual({ open, opensAt, closesAt });
  });

  it('looks past a long run of holidays (New Year: 31 December to 8 January)', () => {
    const newYear = schedule('Europe/Moscow', (s) => (s.holidays = ['2026-12-31', ...Array.from({ length: 8 }, (_, i) => `2027-01-0${i + 1}`)]));
    expect(iso(issuingWindow(newYear, utc('2026-12-30T15:00')).opensAt)).toBe('2027-01-09T05:00'); // Saturday 9 January
  });

  it('says nothing about opening when no day in the next two weeks has hours', () => {
    expect(issuingWindow(schedule('Europe/Moscow', (s) => (s.week = {})), utc('2026-11-24T07:00'))).toEqual({ open: false });
  });

  it('opens kiosks early, but never before the local midnight of the office day', () => {
    const early = schedule('Asia/Yekaterinburg', (s) => {
      s.week[3] = { open: '00:30', close: '17:00' };
      s.issueFromMinutesBeforeOpen = 60;
    });
    // Wednesday opens at 00:30 local; an hour early would be Tuesday 23:30, so kiosks wait for 00:00.
    expect(issuingWindow(early, utc('2026-11-24T18:30'))).toMatchObject({ open: false, opensAt: utc('2026-11-24T19:00') });
    expect(issuingWindow(early, utc('2026-11-24T19:00')).open).toBe(true);
    expect(officeDayOf(early, utc('2026-11-24T19:00'))).toBe('2026-11-25');
  });

  it.each(['Europe/Moscow', 'Asia/Yekaterinburg', 'Europe/Berlin', 'America/New_York'])(
    'in %s, over the weeks around both clock changes, opensAt is the first minute kiosks issue and closesAt is later than any issuing',
    (zone) => {
      const s = schedule(zone);
      for (const start of [utc('2026-03-23T00:00'), utc('2026-10-19T00:00'), utc('2026-11-02T00:00')]) {
        for (let at = start; at < start + 8 * 24 * 60 * MINUTE; at += 17 * MINUTE) {
          const window = issuingWindow(s, at);
          if (window.open) {
            expect(window.closesAt).toBeGreaterThan(at);
            continue;
          }
          if (window.opensAt === undefined) continue;
          expect(window.opensAt).toBeGreaterThan(at);
          expect(issuingWindow(s, window.opensAt).open).toBe(true);
          expect(issuingWindow(s, window.opensAt - MINUTE).open).toBe(false);
          expect(localTimeOf(s, window.opensAt).time).toBe('08:00');
        }
      }
    },
  );
});

describe('local time of an instant', () => {
  it.each<[string, string, string, string, number]>([
    ['Europe/Moscow', '2026-11-29T20:59', '2026-11-29', '23:59', 7],
    ['Europe/Moscow', '2026-11-29T21:00', '2026-11-30', '00:00', 1],
    ['Asia/Yekaterinburg', '2026-11-28T19:00', '2026-11-29', '00:00', 7],
    ['Europe/Berlin', '2026-03-29T00:59', '2026-03-29', '01:59', 7],
    ['Europe/Berlin', '2026-03-29T01:00', '2026-03-29', '03:00', 7],
    ['Europe/Berlin', '2026-10-25T00:30', '2026-10-25', '02:30', 7],
    ['Europe/Berlin', '2026-10-25T01:30', '2026-10-25', '02:30', 7],
  ])('%s at %s UTC is %s %s, weekday %i', (zone, at, date, time, weekday) => {
    expect(localTimeOf(schedule(zone), utc(at))).toEqual({ date, time, weekday });
    expect(officeDayOf(schedule(zone), utc(at))).toBe(date);
  });

  it('describes an instant on the office clock, for messages', () => {
    expect(describeLocal(schedule('Asia/Yekaterinburg'), utc('2026-11-24T04:45'))).toBe('2026-11-24 09:45 (Asia/Yekaterinburg)');
  });
});

describe('a local wall-clock time as an instant', () => {
  it.each([
    ['Asia/Yekaterinburg', '2026-11-24', '00:00', '2026-11-23T19:00'],
    ['Europe/Moscow', '2026-06-01', '08:00', '2026-06-01T05:00'],
    ['Europe/Berlin', '2026-07-01', '08:00', '2026-07-01T06:00'],
    ['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T00:59'],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T01:00'],
    // 02:30 does not exist that night: the clock jumps from 02:00 to 03:00; we land an hour on.
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30'],
    // 02:30 happens twice the night the clocks go back: we take the second (winter) one.
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T01:30'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T02:00'],
    ['Europe/Moscow', '2026-11-24', '24:00', '2026-11-24T21:00'],
  ])('%s %s %s is %s UTC', (zone, date, time, expected) => {
    expect(iso(instantOfLocal(zone, date, time))).toBe(expected);
  });

  it('round-trips every half hour of a year in Berlin, except the hour that does not exist', () => {
    const s = schedule('Europe/Berlin');
    for (let at = utc('2026-01-01T00:00'); at < utc('2027-01-01T00:00'); at += 30 * MINUTE) {
      const { date, time } = localTimeOf(s, at);
      const back = instantOfLocal('Europe/Berlin', date, time);
      // The repeated hour in October maps to its second occurrence.
      if (back !== at) expect(back - at).toBe(60 * MINUTE);
      else expect(back).toBe(at);
    }
  });
});

describe('scheduled breaks', () => {
  it.each<[string, string, string, string | undefined]>([
    ['op1', 'Europe/Moscow', '2026-11-24T08:59', undefined],
    ['op1', 'Europe/Moscow', '2026-11-24T09:00', 'lunch'],
    ['op1', 'Europe/Moscow', '2026-11-24T09:44', 'lunch'],
    ['op1', 'Europe/Moscow', '2026-11-24T09:45', undefined],
    ['op1', 'Asia/Yekaterinburg', '2026-11-24T07:00', 'lunch'],
    ['op1', 'Europe/Berlin', '2026-07-01T10:30', 'lunch'],
    ['op1', 'Europe/Berlin', '2026-12-01T11:30', 'lunch'],
    ['op2', 'Europe/Moscow', '2026-11-24T09:00', undefined],
  ])('%s in %s at %s UTC: %s', (operatorId, zone, at, reason) => {
    expect(scheduledBreakAt(schedule(zone), operatorId, utc(at))?.reason).toBe(reason);
  });
});
