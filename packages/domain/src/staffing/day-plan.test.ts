import { describe, expect, it } from 'vitest';
import { breaksOn, instantOfLocal, scheduledBreakAt } from '../office-hours.js';
import { testOffice } from '../testing/office-fixture.js';
import { planHistory } from '../testing/plan-history.js';
import { DEFAULT_DAY_PLAN_RULES, desksOnDuty, planDay } from './day-plan.js';

const DATE = '2026-12-01';
const setup = testOffice((s) => {
  s.schedule.breaks = [
    { operatorId: 'op1', from: '12:00', to: '12:45', reason: 'lunch' },
    { operatorId: 'op1', from: '15:00', to: '15:10', reason: 'break' },
    { operatorId: 'op2', from: '13:00', to: '13:45', reason: 'lunch' },
  ];
});
const roster = [
  { deskId: 'd1', deskNumber: 1, operatorId: 'op1' },
  { deskId: 'd2', deskNumber: 2, operatorId: 'op2' },
];

describe('an accepted day plan’s lunches replace the configured ones on that date only', () => {
  const planned = { ...setup.schedule, dayLunches: { [DATE]: [{ operatorId: 'op1', from: '13:30', to: '14:15' }] } };
  const at = (date: string, time: string) => instantOfLocal('Europe/Moscow', date, time);

  it('the named operator’s lunch moves; other breaks and other operators stay', () => {
    expect(breaksOn(planned, DATE)).toEqual([
      { operatorId: 'op1', from: '15:00', to: '15:10', reason: 'break' },
      { operatorId: 'op2', from: '13:00', to: '13:45', reason: 'lunch' },
      { operatorId: 'op1', from: '13:30', to: '14:15', reason: 'lunch' },
    ]);
  });

  it.each([
    [DATE, '12:10', undefined],
    [DATE, '13:40', '13:30'],
    [DATE, '15:05', '15:00'],
    ['2026-12-08', '12:10', '12:00'],
    ['2026-12-08', '13:40', undefined],
  ])('%s %s: op1 is on the break from %s', (date, time, from) => {
    expect(scheduledBreakAt(planned, 'op1', at(date, time))?.from).toBe(from);
  });
});

describe('desks on duty per hour', () => {
  it('by hand: two desks, op1 away 12:00-12:45 and 15:00-15:10, op2 13:00-13:45', () => {
    const hours = [11, 12, 13, 14, 15].map((hour) => ({ hour }));
    expect(desksOnDuty(setup, DATE, roster, [], hours)).toEqual([2, 1.25, 1.25, 2, 2 - 10 / 60]);
    // The plan's lunch for op1 at 13:00-13:45 puts both away in the 13 hour.
    expect(desksOnDuty(setup, DATE, roster, [{ operatorId: 'op1', from: '13:00', to: '13:45' }], hours)).toEqual([2, 2, 0.5, 2, 2 - 10 / 60]);
  });
});

describe('the whole plan', () => {
  const history = planHistory(setup, DATE, 6, 7);
  const rules = { ...DEFAULT_DAY_PLAN_RULES, simulatedDays: 2, stepMinutes: 30 };
  const plan = planDay({ setup, date: DATE, history, deskStaff: ['op1', 'op2', 'op3'], rules });

  it('is the same for the same input', () => {
    expect(planDay({ setup, date: DATE, history, deskStaff: ['op1', 'op2', 'op3'], rules })).toEqual(plan);
  });

  it('adds up: visitors per hour, desks needed over the pools, the chosen option first and the current one among them', () => {
    expect(plan.sampleDates).toHaveLength(6);
    expect(plan.expectedVisitors).toBeCloseTo(history.length / 6, 6);
    expect(plan.byHour.reduce((sum, h) => sum + h.total, 0)).toBeCloseTo(plan.expectedVisitors, 6);
    for (const h of plan.byHour) expect(h.need.desks).toBe(h.need.pools.reduce((sum, p) => sum + p.desks, 0));
    // Every desk of the test office serves payments: one pool.
    expect(plan.pools.map((p) => p.id)).toEqual(['payments+contracts+meters']);
    expect(plan.options[0]!.expectedShare).toBe(Math.max(...plan.options.map((o) => o.expectedShare)));
    expect(plan.options.filter((o) => o.current)).toHaveLength(1);
    expect(plan.options[0]!.desksOnDuty).toHaveLength(plan.byHour.length);
  });

  it('says a holiday is closed and plans nothing', () => {
    const closed = planDay({ setup, date: '2026-12-31', history, deskStaff: [], rules });
    expect(closed).toMatchObject({ closed: true, byHour: [], options: [], expectedVisitors: 0 });
  });
});
