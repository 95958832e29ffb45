import { describe, expect, it } from 'vitest';
import { instantOfLocal, localTimeOf } from './office-hours.js';
import type { OfficeSchedule } from './office-setup.js';
import { testOffice } from './testing/office-fixture.js';

/*
 * The wall clock is read from the zone's offset, cached per UTC day, instead of asking Intl at
 * every call (the forward play asks thousands of times per forecast). It must say exactly what
 * Intl says, also on the days a zone moves its clocks, in zones with half- and quarter-hour
 * offsets and one whose summer time moves the clock by half an hour.
 */
const ZONES = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham'];

const formats = new Map<string, Intl.DateTimeFormat>();
function intlWallClock(timeZone: string, at: number) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }[get('weekday')];
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}`, weekday };
}

const schedule = (timeZone: string): OfficeSchedule => ({ ...testOffice().schedule, timeZone });

describe('the office wall clock', () => {
  it.each(ZONES)('agrees with Intl every 37 minutes through a year in %s', (zone) => {
    const s = schedule(zone);
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-01-01T00:00:00Z');
    let checked = 0;
    // A step that is not a divisor of an hour lands on every minute of the hour over the year.
    for (let at = from; at < to; at += 37 * 60_000 + 13_000) {
      expect(localTimeOf(s, at), new Date(at).toISOString()).toEqual(intlWallClock(zone, at));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(14_000);
  });

  it.each(ZONES)('agrees with Intl to the second around each clock change in %s', (zone) => {
    const s = schedule(zone);
    // Find the instants in 2026 where the offset moves, by scanning hours, then check each second near them.
    let previous = intlWallClock(zone, Date.parse('2026-01-01T00:00:00Z'));
    let changes = 0;
    for (let at = Date.parse('2026-01-01T01:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 3_600_000) {
      const now = intlWallClock(zone, at);
      const expectedTime = new Date(Date.parse(`${previous.date}T${previous.time}:00Z`) + 3_600_000).toISOString().slice(11, 16);
      if (now.time !== expectedTime) {
        changes += 1;
        for (let t = at - 3_600_000; t <= at; t += 10_000) expect(localTimeOf(s, t), new Date(t).toISOString()).toEqual(intlWallClock(zone, t));
      }
      previous = now;
    }
    const summerTime = !['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Kolkata', 'Asia/Kathmandu'].includes(zone);
    expect(changes).toBe(summerTime ? 2 : 0);
  });

  it('finds the instant of a local time on the day of a change', () => {
    // Berlin: 29 March 2026, 02:00-03:00 does not exist; 25 October, 02:00-03:00 happens twice.
    expect(new Date(instantOfLocal('Europe/Berlin', '2026-03-29', '03:30')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(instantOfLocal('Europe/Berlin', '2026-03-29', '01:30')).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(new Date(instantOfLocal('Europe/Berlin', '2026-10-25', '04:00')).toISOString()).toBe('2026-10-25T03:00:00.000Z');
    expect(new Date(instantOfLocal('Asia/Kathmandu', '2026-12-05', '09:00')).toISOString()).toBe('2026-12-05T03:15:00.000Z');
  });
});
