import { describe, expect, it } from 'vitest';
import { instantOfLocal } from '../office-hours.js';
import { testOffice } from '../testing/office-fixture.js';
import { drawDayArrivals } from './day-arrivals.js';
import { playPlannedDay } from './day-play.js';
import { desksNeededByHour } from './desks-needed.js';
import { staffingWith } from './erlang-c.js';
import type { ExpectedArrivals } from './expected-arrivals.js';

/**
 * Erlang C's desks-needed figure, staffed in the forward play of the same day, gives about the
 * share it promises. Erlang C's own world: one pool of desks serving one line, Poisson arrivals at
 * a steady pace, visits spread exponentially around their mean, nobody away. 40 payments visitors
 * an hour from 09:00 to 16:00, 8 minutes each (5.3 desks' worth of work), standard 15 minutes,
 * target 80 %. The days are drawn by the plan's own generator (`drawDayArrivals`) and played by the
 * plan's play (`playPlannedDay`, the wait forecast's call rule), 30 days.
 */
const DATE = '2026-12-01';
const DESKS = 8;
const setup = testOffice((s) => {
  s.desks = Array.from({ length: DESKS }, (_, i) => ({ id: `d${i + 1}`, number: i + 1, name: `Окно ${i + 1}`, servicePolicy: 'order' as const, services: [{ serviceId: 'payments', weight: 1 }] }));
  s.operators = s.desks.map((_, i) => ({ id: `op${i + 1}`, name: `Оператор ${i + 1}` }));
  s.schedule.breaks = [];
});
const expected: ExpectedArrivals = {
  date: DATE,
  hours: { open: '09:00', close: '16:00' },
  sampleDates: [],
  skipped: [],
  byHour: [9, 10, 11, 12, 13, 14, 15].map((hour) => ({ hour, fromMinute: hour * 60, toMinute: (hour + 1) * 60, total: 40, byService: { payments: 40 }, priorityByService: {} })),
  deskMinutes: { payments: 8 },
  deskMsSamples: {},
};
const opensAt = instantOfLocal('Europe/Moscow', DATE, '09:00');
const days = Array.from({ length: 30 }, (_, i) => drawDayArrivals(setup.schedule, expected, 500 + i));

function playedShare(desks: number): number {
  const roster = setup.desks.slice(0, desks).map((d, i) => ({ deskId: d.id, deskNumber: d.number, operatorId: `op${i + 1}` }));
  let visitors = 0;
  let within = 0;
  for (const day of days) {
    const played = playPlannedDay(setup, DATE, opensAt, roster, [], day);
    visitors += played.visitors;
    within += played.withinStandard;
  }
  return within / visitors;
}

describe("Erlang C's desks, staffed in the forward play of the same day", () => {
  const pool = { id: 'payments', serviceIds: ['payments'], deskIds: setup.desks.map((d) => d.id) };
  const need = desksNeededByHour(expected, [pool], setup.rules.waitingStandardMinutes, 0.8);
  const desks = need[0]!.desks;
  const promised = need[0]!.pools[0]!.serviceLevel;

  it('asks the same number of desks every hour of a steady day, and promises at least the target with them', () => {
    expect(need.map((h) => h.desks)).toEqual(need.map(() => desks));
    expect(desks).toBeGreaterThan(5);
    expect(promised).toBeGreaterThanOrEqual(0.8);
  });

  it('reaches the 80 % target with that many desks, within 3 points of what Erlang C promised', () => {
    const share = playedShare(desks);
    expect(share).toBeGreaterThanOrEqual(0.8);
    expect(Math.abs(share - promised)).toBeLessThanOrEqual(0.03);
  });

  it("errs on the safe side: with one desk fewer Erlang C promises less than the target, the office's rule still gets more", () => {
    // Erlang C counts a line served first come, first served; the office's rule calls first those
    // who can still make the standard, so at this load one desk fewer still keeps most within it
    // (measured 2026-12-06: 7 desks asked, 98 % promised; 6 desks 97.6 % played, 5 desks 63 %).
    const fewer = staffingWith({ arrivals: 40, periodSeconds: 3600, handleSeconds: 8 * 60, targetSeconds: 15 * 60 }, desks - 1);
    expect(fewer.serviceLevel).toBeLessThan(0.8);
    expect(playedShare(desks - 1)).toBeGreaterThan(fewer.serviceLevel);
    expect(playedShare(desks - 2)).toBeLessThan(0.8);
  });
});
