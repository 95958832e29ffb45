import { describe, expect, it } from 'vitest';
import { instantOfLocal } from '../office-hours.js';
import { playDayOnEngine } from '../testing/engine-day.js';
import { testOffice } from '../testing/office-fixture.js';
import { DEFAULT_DAY_PLAN_RULES, drawPlanDays, planDay } from './day-plan.js';
import { expectedArrivals, sampleDatesFor } from './expected-arrivals.js';
import { playPlannedDay } from './day-play.js';
import { planHistory } from '../testing/plan-history.js';

/**
 * The plan's expected share within the standard against the same drawn days played through the
 * real engine (decide/apply, desks pausing for the lunches, calling next every 5 s). Stated
 * tolerance: 3 percentage points for the day's share, 1.5 minutes for the mean wait. The play
 * the plan uses calls the moment a desk is free; the engine is driven in 5-second steps, so it may
 * only lag, a little.
 */
const DATE = '2026-12-01';
const TOLERANCE_SHARE = 0.03;
const TOLERANCE_WAIT_MIN = 1.5;
const setup = testOffice();
describe('the plan against the same days played through the engine', () => {
  const rules = { ...DEFAULT_DAY_PLAN_RULES, simulatedDays: 6, seed: 11 };
  // Six Tuesdays: Poisson arrivals, visits scattered around each norm, 5 % priority.
  const past = planHistory(setup, DATE, 6, 2026, 1.15);
  const plan = planDay({ setup, date: DATE, history: past, deskStaff: ['op1', 'op2', 'op3'], rules });
  const expected = expectedArrivals(setup.schedule, setup.services, DATE, sampleDatesFor(setup.schedule, DATE, rules.historyWeeks), past);
  const days = drawPlanDays(setup, expected, rules);
  const opensAt = instantOfLocal('Europe/Moscow', DATE, '08:00');

  it('has a day worth checking: a busy office, lunches that matter', () => {
    expect(plan.expectedVisitors).toBeGreaterThan(140);
    expect(plan.roster.map((r) => r.operatorId)).toEqual(['op1', 'op2', 'op3']);
    expect(plan.options.length).toBeGreaterThan(2);
    // Lunches stacked on the after-lunch peak (14:00) would cost the day several points.
    const stacked = [
      { operatorId: 'op1', from: '13:30', to: '14:15' },
      { operatorId: 'op2', from: '14:00', to: '14:45' },
      { operatorId: 'op3', from: '14:30', to: '15:15' },
    ];
    let visitors = 0;
    let within = 0;
    for (const day of days) {
      const played = playPlannedDay(setup, DATE, opensAt, plan.roster, stacked, day);
      visitors += played.visitors;
      within += played.withinStandard;
    }
    expect(plan.options[0]!.expectedShare - within / visitors).toBeGreaterThan(0.02);
  });

  it.each([0, 1, 2])('option %i: the expected share and mean wait match the engine’s day within the tolerance', (index) => {
    const option = plan.options[index]!;
    let visitors = 0;
    let within = 0;
    let waits = 0;
    for (const day of days) {
      const played = playDayOnEngine(setup, DATE, opensAt, plan.roster, option.lunches, day);
      visitors += played.visitors;
      within += played.withinStandard;
      waits += played.waitMinSum;
    }

    expect(Math.abs(option.expectedShare - within / visitors)).toBeLessThanOrEqual(TOLERANCE_SHARE);
    expect(Math.abs(option.meanWaitMin - waits / visitors)).toBeLessThanOrEqual(TOLERANCE_WAIT_MIN);
  });

  it('the chosen lunches do at least as well on the engine as the current ones', () => {
    const share = (lunches: (typeof plan.options)[number]['lunches']) => {
      let visitors = 0;
      let within = 0;
      for (const day of days) {
        const played = playDayOnEngine(setup, DATE, opensAt, plan.roster, lunches, day);
        visitors += played.visitors;
        within += played.withinStandard;
      }
      return within / visitors;
    };
    const current = plan.options.find((o) => o.current)!;
    expect(share(plan.options[0]!.lunches)).toBeGreaterThanOrEqual(share(current.lunches) - TOLERANCE_SHARE);
  });
});
