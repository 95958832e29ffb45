// How long building the plan for tomorrow takes (packages/domain `planDay`): six weeks of history of
// the test office (three desks, three services, about 190 visitors a day) at its usual load and
// 1.3x, against one play of one drawn day in the same run (what each lunch option costs per day).
import { performance } from 'node:perf_hooks';
import { DEFAULT_DAY_PLAN_RULES, drawPlanDays, expectedArrivals, instantOfLocal, planDay, planDaySteps, playPlannedDay, sampleDatesFor } from '@talon/domain';
import { testOffice } from '../../packages/domain/dist/testing/office-fixture.js';
import { planHistory } from '../../packages/domain/dist/testing/plan-history.js';

const DATE = '2026-12-01';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const setup = testOffice();
const deskStaff = ['op1', 'op2', 'op3'];

function time(fn, runs) {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) fn();
  return (performance.now() - start) / runs;
}

console.log(`plan for tomorrow, ${setup.desks.length} desks, history ${DEFAULT_DAY_PLAN_RULES.historyWeeks} weeks, ${DEFAULT_DAY_PLAN_RULES.simulatedDays} drawn days per option, lunches every ${DEFAULT_DAY_PLAN_RULES.stepMinutes} min in ${DEFAULT_DAY_PLAN_RULES.windowFrom}-${DEFAULT_DAY_PLAN_RULES.windowTo}`);
console.log('| load | visitors/day | options played | one day played (baseline) | whole plan | plan / one day | longest option step |');
console.log('|---|---|---|---|---|---|---|');
for (const scale of [1, 1.3]) {
  const history = planHistory(setup, DATE, 6, 2026, scale);
  const rules = DEFAULT_DAY_PLAN_RULES;
  const expected = expectedArrivals(setup.schedule, setup.services, DATE, sampleDatesFor(setup.schedule, DATE, rules.historyWeeks), history);
  const [day] = drawPlanDays(setup, expected, { ...rules, simulatedDays: 1 });
  let plan;
  const whole = time(() => (plan = planDay({ setup, date: DATE, history, deskStaff, rules })), RUNS);
  const opensAt = instantOfLocal(setup.schedule.timeZone, DATE, '08:00');
  const one = time(() => playPlannedDay(setup, DATE, opensAt, plan.roster, plan.options[0].lunches, day), 50);
  const played = plan.optionsPlayed;
  // The office server plays 4 options per turn of its event loop: a kiosk waits at most that long.
  let longest = 0;
  const steps = planDaySteps({ setup, date: DATE, history, deskStaff, rules });
  for (let done = false; !done; ) {
    const start = performance.now();
    done = steps.next().done;
    longest = Math.max(longest, performance.now() - start);
  }
  console.log(`| ${scale}x | ${plan.expectedVisitors.toFixed(0)} | ${played} | ${one.toFixed(2)} ms | ${whole.toFixed(0)} ms | ${(whole / one).toFixed(0)}x | ${longest.toFixed(1)} ms |`);
}
