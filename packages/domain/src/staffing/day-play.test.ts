import { describe, expect, it } from 'vitest';
import { instantOfLocal } from '../office-hours.js';
import { testOffice } from '../testing/office-fixture.js';
import type { PlannedVisitor } from './day-arrivals.js';
import { playPlannedDay } from './day-play.js';
import { planRoster } from './roster.js';

const DATE = '2026-12-01';
const MINUTE = 60_000;
const at = (time: string) => instantOfLocal('Europe/Moscow', DATE, time);
const visitor = (id: string, time: string, minutes: number, serviceId = 'payments', kind: 'walk-in' | 'priority' = 'walk-in'): PlannedVisitor => ({
  ticket: { id, number: id, serviceId, officeDay: DATE, kind, issuedAt: at(time), queuedAt: at(time), status: 'waiting', recalls: 0 },
  deskMs: minutes * MINUTE,
});
// Only desk 3 (payments only), run by op1, whose configured lunch is 12:00-12:45.
const setup = testOffice();
const roster = [{ deskId: 'd3', deskNumber: 3, operatorId: 'op1' }];
const day = [visitor('v1', '11:50', 15), visitor('v2', '12:00', 10), visitor('v3', '12:40', 10)];

describe('an expected day played forward', () => {
  it('by hand: lunch 12:00-12:30 keeps v2 waiting till 12:30 (30 min, past the standard)', () => {
    // v1 called 11:50, done 12:05, which is lunch till 12:30: v2 called 12:30; v3 called 12:40.
    expect(playPlannedDay(setup, DATE, at('08:00'), roster, [{ operatorId: 'op1', from: '12:00', to: '12:30' }], day)).toEqual({
      visitors: 3,
      withinStandard: 2,
      waitMinSum: 30,
      longestWaitMin: 30,
    });
  });

  it('by hand: lunch 12:45-13:15 keeps everyone within the standard', () => {
    // v1 11:50-12:05; v2 called 12:05 (5 min), done 12:15; v3 called 12:40, done 12:50, then lunch.
    expect(playPlannedDay(setup, DATE, at('08:00'), roster, [{ operatorId: 'op1', from: '12:45', to: '13:15' }], day)).toEqual({
      visitors: 3,
      withinStandard: 3,
      waitMinSum: 5,
      longestWaitMin: 5,
    });
  });

  it('the plan’s lunch replaces the configured one that date only: no plan, the 12:00-12:45 lunch applies', () => {
    // Configured lunch: v1 done 12:05 -> lunch till 12:45: v2 waits 45, v3 (12:40) called at 12:55.
    expect(playPlannedDay(setup, DATE, at('08:00'), roster, [], day)).toMatchObject({ withinStandard: 2, waitMinSum: 45 + 15, longestWaitMin: 45 });
  });

  it('a priority visitor goes first, by the office’s own rule', () => {
    const withPriority = [visitor('a', '09:00', 20), visitor('b', '09:01', 5), visitor('p', '09:02', 5, 'payments', 'priority')];
    // a 09:00-09:20; then p (priority, 09:02) at 09:20 (18 min), b (09:01) at 09:25 (24 min): both past the standard.
    expect(playPlannedDay(setup, DATE, at('08:00'), roster, [], withPriority)).toEqual({ visitors: 3, withinStandard: 1, waitMinSum: 0 + 18 + 24, longestWaitMin: 24 });
  });

  it('calls every visitor of a long day though most desks wait idle for each arrival', () => {
    // Contracts only at desk 2; desks 1 and 3 turn for every arrival and call nobody.
    const desks = [...roster, { deskId: 'd1', deskNumber: 1, operatorId: 'op2' }, { deskId: 'd2', deskNumber: 2, operatorId: 'op3' }];
    const contracts = Array.from({ length: 40 }, (_, i) => visitor(`c${i}`, `${String(8 + Math.floor(i / 5)).padStart(2, '0')}:${String((i % 5) * 12).padStart(2, '0')}`, 5, 'contracts'));
    expect(playPlannedDay(setup, DATE, at('08:00'), desks, [], contracts)).toEqual({ visitors: 40, withinStandard: 40, waitMinSum: 0, longestWaitMin: 0 });
  });

  it('a visitor no rostered desk serves is never called and counts as past the standard', () => {
    expect(playPlannedDay(setup, DATE, at('08:00'), roster, [], [visitor('c', '09:00', 20, 'contracts')])).toEqual({ visitors: 1, withinStandard: 0, waitMinSum: 0, longestWaitMin: 0 });
  });
});

describe('the roster: who works which desk', () => {
  const desks = setup.desks;
  const served = (deskId: string, operatorId: string, n: number) =>
    Array.from({ length: n }, () => ({ officeDay: '2026-11-24', serviceId: 'payments', kind: 'walk-in' as const, issuedAt: 0, deskId, operatorId }));

  it('pairs each desk with the operator who served most there, one desk each, biggest pairings first', () => {
    const history = [...served('d1', 'op2', 5), ...served('d1', 'op1', 3), ...served('d2', 'op2', 4), ...served('d3', 'op1', 2), ...served('d2', 'gone', 9)];
    // d1-op2 (5) first; op2 is then taken, so d2 stays free of op2; d3-op1 (2). d2's other pairing is an operator no longer in the config.
    expect(planRoster(desks, ['op1', 'op2', 'op3'], ['op1', 'op2', 'op3'], history)).toEqual([
      { deskId: 'd1', deskNumber: 1, operatorId: 'op2' },
      { deskId: 'd3', deskNumber: 3, operatorId: 'op1' },
    ]);
  });

  it('without history the desk staff take the desks in number order', () => {
    expect(planRoster(desks, ['op1', 'op2', 'op3'], ['op3', 'op1'], [])).toEqual([
      { deskId: 'd1', deskNumber: 1, operatorId: 'op3' },
      { deskId: 'd2', deskNumber: 2, operatorId: 'op1' },
    ]);
  });
});
