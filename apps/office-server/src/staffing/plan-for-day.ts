import { setImmediate as nextTurn } from 'node:timers/promises';
import { addDays, countsAsDeskStaff, hoursOn, officeDayOf, planDaySteps, planSampleDates, type DayPlan, type DayPlanRules, type DayLunch } from '@talon/domain';
import type { Failure, OfficeConfig, PlanView } from '@talon/protocol';
import type { OfficeContext } from '../office-context.js';
import { planHistoryOf } from './plan-history.js';

/** How far ahead a plan may be asked for: the history is the same weekday of past weeks, so a few weeks at most. */
const MAX_DAYS_AHEAD = 28;

/**
 * The plan's rules from the office config (`plan`, README "Plan for tomorrow"). The seed is the
 * date's digits: the same date gives the same drawn days, so the head sees the same plan each
 * time she opens it, and a test can build it again.
 */
export function dayPlanRulesFromConfig(config: OfficeConfig, date: string): DayPlanRules {
  const p = config.plan;
  return {
    historyWeeks: p.historyWeeks,
    targetShare: p.targetShare,
    windowFrom: p.lunchFrom,
    windowTo: p.lunchUntil,
    stepMinutes: p.lunchStepMinutes,
    defaultMinutes: p.lunchMinutes,
    simulatedDays: p.simulatedDays,
    seed: Number(date.replaceAll('-', '')),
    maxOptions: 4,
  };
}

/** Desk operators (the head steps in, she is not the cover), in the config's order: the roster without history. */
export function deskStaffOf(config: OfficeConfig): string[] {
  return config.operators.filter((o) => countsAsDeskStaff(o.roles)).map((o) => o.id);
}

/** The first date after `today` the office keeps hours on (tomorrow, or Monday after a Saturday). */
export function nextWorkingDay(context: Pick<OfficeContext, 'queue'>, today: string): string {
  const schedule = context.queue.state.setup.schedule;
  for (let ahead = 1; ahead <= 14; ahead += 1) {
    const date = addDays(today, ahead);
    if (hoursOn(schedule, date)) return date;
  }
  return addDays(today, 1);
}

/** A date the head may plan or accept: today up to four weeks on. */
export function plannableDate(today: string, date: string): Failure | undefined {
  if (date < today) return { ok: false, code: 'invalid-payload', message: `${date} is past` };
  if (date > addDays(today, MAX_DAYS_AHEAD)) return { ok: false, code: 'invalid-payload', message: `at most ${MAX_DAYS_AHEAD} days ahead` };
  return undefined;
}

/** Lunch options played between two turns of the event loop: each is a few milliseconds. */
const OPTIONS_PER_TURN = 4;

/**
 * Builds the plan for a date from the office's stored tickets. Playing the lunch options takes
 * about a second (bench/day-plan), so it runs a few options per turn of the event loop (kiosks and
 * desks are answered meanwhile), a request asked again while it runs joins it, and the last plan
 * is kept until the config, the office day or that date's schedule changes (its history is past
 * days: it does not).
 */
export function createDayPlanner(context: Pick<OfficeContext, 'db' | 'queue' | 'clock' | 'directory'>) {
  let last: { key: string; config: OfficeConfig; plan: Promise<DayPlan> } | undefined;
  return {
    planFor(date: string): Promise<DayPlan> {
      const config = context.directory.config;
      const setup = context.queue.state.setup;
      const today = officeDayOf(setup.schedule, context.clock.now());
      const key = `${date}|${today}|${JSON.stringify(setup.schedule.dayLunches?.[date] ?? null)}`;
      if (last && last.key === key && last.config === config) return last.plan;
      const rules = dayPlanRulesFromConfig(config, date);
      const sample = planSampleDates(setup, date, rules);
      const history = planHistoryOf(context.db, sample.used);
      const plan = inTurns(planDaySteps({ setup, date, history, deskStaff: deskStaffOf(config), rules }));
      // A sample date of today or later still changes: such a plan is not kept.
      if (sample.used.every((d) => d < today)) {
        const entry = { key, config, plan };
        last = entry;
        plan.catch(() => {
          if (last === entry) last = undefined;
        });
      }
      return plan;
    },
  };
}

async function inTurns<T>(steps: Generator<void, T>): Promise<T> {
  for (let n = 1; ; n += 1) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % OPTIONS_PER_TURN === 0) await nextTurn();
  }
}

/** Names the plan's screen shows for ids. */
export function planNames(config: OfficeConfig): Pick<PlanView, 'operators' | 'services'> {
  return {
    operators: Object.fromEntries(config.operators.map((o) => [o.id, o.name])),
    services: Object.fromEntries(config.services.map((s) => [s.id, { name: s.name, ...(s.nameEn && { nameEn: s.nameEn }) }])),
  };
}

/** Lunches the office may accept: operators it knows, once each, on a day it is open. */
export function acceptableLunches(config: OfficeConfig, lunches: readonly DayLunch[]): Failure | undefined {
  const known = new Set(config.operators.map((o) => o.id));
  const seen = new Set<string>();
  for (const l of lunches) {
    if (!known.has(l.operatorId)) return { ok: false, code: 'not-found', message: `unknown operator "${l.operatorId}"` };
    if (seen.has(l.operatorId)) return { ok: false, code: 'invalid-payload', message: `operator "${l.operatorId}" has two lunches` };
    seen.add(l.operatorId);
  }
  return undefined;
}
