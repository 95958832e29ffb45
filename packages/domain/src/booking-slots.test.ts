import { describe, expect, it } from 'vitest';
import { bookingSlotStarts, type SlotDay } from './booking-slots.js';

const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Key = (typeof KEYS)[number];
/** Moscow is UTC+3 all year: 09:00 local is 06:00 UTC. */
const moscow = (date: string, time: string) => Date.parse(`${date}T${time}:00+03:00`);
const times = (starts: number[]) => starts.map((s) => new Date(s + 3 * 3_600_000).toISOString().slice(11, 16));

const day = (extra: Partial<SlotDay<Key>> = {}): SlotDay<Key> => ({
  date: '2026-11-24', // a Tuesday
  timeZone: 'Europe/Moscow',
  hours: { mon: { open: '08:00', close: '17:00' }, tue: { open: '09:00', close: '11:00' }, sat: { open: '10:00', close: '12:00' }, sun: null },
  weekdayKeys: KEYS,
  holidays: [],
  awayWindows: [],
  slotMinutes: 30,
  now: moscow('2026-11-23', '12:00'),
  ...extra,
});

describe('the booking slot grid of a day', () => {
  it.each<[string, Partial<SlotDay<Key>>, string[]]>([
    ['from opening, each slot ending by closing', {}, ['09:00', '09:30', '10:00', '10:30']],
    ['a slot that would run past closing is not offered', { slotMinutes: 50 }, ['09:00', '09:50']],
    ['none on a holiday', { holidays: ['2026-11-24'] }, []],
    ['none on a day without hours', { date: '2026-11-29' }, []],
    ['none on a weekday the config leaves out', { date: '2026-11-25' }, []],
    ['none begun by now', { now: moscow('2026-11-24', '09:30') }, ['10:00', '10:30']],
    ['none past the horizon', { until: moscow('2026-11-24', '10:00') }, ['09:00', '09:30', '10:00']],
    ['none overlapping a window when everyone is away', { awayWindows: [{ from: '09:45', to: '10:15' }] }, ['09:00', '10:30']],
    ['an away window of other weekdays leaves this one alone', { awayWindows: [{ from: '09:45', to: '10:15', days: ['sat'] }] }, ['09:00', '09:30', '10:00', '10:30']],
    ['a slot ending as the window opens is kept', { awayWindows: [{ from: '10:00', to: '10:30', days: ['tue'] }] }, ['09:00', '09:30', '10:30']],
    ['a malformed date gives nothing', { date: '24.11.2026' }, []],
    ['a shortened day keeps its own hours', { specialDays: [{ date: '2026-11-24', open: '09:00', close: '10:00' }] }, ['09:00', '09:30']],
    ['a working Sunday opens', { date: '2026-11-29', specialDays: [{ date: '2026-11-29', open: '10:00', close: '11:00' }] }, ['10:00', '10:30']],
    ['another date’s special hours change nothing', { specialDays: [{ date: '2026-11-25', open: '09:00', close: '09:30' }] }, ['09:00', '09:30', '10:00', '10:30']],
  ])('%s', (_label, extra, expected) => {
    expect(times(bookingSlotStarts(day(extra)))).toEqual(expected);
  });
});
