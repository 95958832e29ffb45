/**
 * The plan for a day (the dashboard's «План на завтра»): the visitors expected per hour and service
 * from the same weekday of the last weeks, the desks needed per hour to call `targetShare` of them
 * within the standard (Erlang C per pool of services sharing desks), the desks the roster has on
 * duty, and the operators' lunches placed by playing the expected day forward. Pure: the office
 * server passes the history, the date and the seed; the same input gives the same plan.
 */
import { breaksOn, hoursOn, instantOfLocal } from '../office-hours.js';
import type { DayLunch, OfficeSetup } from '../office-setup.js';
import { drawDayArrivals, type PlannedVisitor } from './day-arrivals.js';
import { withDayLunches } from './day-play.js';
import { desksNeededByHour, type HourNeed } from './desks-needed.js';
import { expectedArrivals, sampleDatesFor, type ExpectedArrivals, type ExpectedHour, type PlanHistoryTicket } from './expected-arrivals.js';
import { placeLunchesSteps, runSteps, type LunchOption, type LunchRules } from './lunch-placement.js';
import { planRoster, type RosterDesk } from './roster.js';
import { servicePools, type ServicePool } from './service-pools.js';

export interface DayPlanRules extends LunchRules {
  /** The same weekday of this many past weeks is the history. */
  historyWeeks: number;
  /** The share of visitors to call within the standard (0.8 for 80 %). */
  targetShare: number;
  /** Each lunch option is played on this many drawn days. */
  simulatedDays: number;
  /** The first drawn day's seed; the next days take the next seeds. */
  seed: number;
  /** At most this many lunch options are returned (the current lunches are always among them). */
  maxOptions: number;
}

export const DEFAULT_DAY_PLAN_RULES: DayPlanRules = {
  historyWeeks: 6,
  targetShare: 0.8,
  windowFrom: '11:00',
  windowTo: '16:00',
  stepMinutes: 15,
  defaultMinutes: 45,
  simulatedDays: 6,
  seed: 1,
  maxOptions: 4,
};

export interface PlanHour extends ExpectedHour {
  need: HourNeed;
}

export interface PlannedLunchOption extends LunchOption {
  /** Desks on duty each hour of `DayPlan.hours` with these lunches: the hour's mean (0.25 of a desk for a 45-minute lunch). */
  desksOnDuty: number[];
}

export interface DayPlan {
  date: string;
  /** Closed that date (a holiday or a day without hours): no figures. */
  closed: boolean;
  hours?: { open: string; close: string };
  sampleDates: string[];
  skipped: ExpectedArrivals['skipped'];
  standardMinutes: number;
  targetShare: number;
  /** Visitors expected in the whole day. */
  expectedVisitors: number;
  byHour: PlanHour[];
  pools: ServicePool[];
  roster: RosterDesk[];
  deskMinutes: Record<string, number>;
  /** Best first: `options[0]` is the plan's lunches. */
  options: PlannedLunchOption[];
  simulatedDays: number;
  /** Lunch options played in all (each on `simulatedDays` days) before the best was found. */
  optionsPlayed: number;
}

export interface DayPlanInput {
  setup: OfficeSetup;
  date: string;
  /** Tickets of (at least) the sample dates; others are ignored. */
  history: readonly PlanHistoryTicket[];
  /** Operators who count as desk staff, in the config's order: the roster when history has none. */
  deskStaff: readonly string[];
  rules: DayPlanRules;
}

const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The dates a plan for `date` reads, so the caller loads only their tickets. */
export function planSampleDates(setup: OfficeSetup, date: string, rules: Pick<DayPlanRules, 'historyWeeks'>) {
  return sampleDatesFor(setup.schedule, date, rules.historyWeeks);
}

/** The days a plan plays each lunch option on, drawn from the expected figures by consecutive seeds. */
export function drawPlanDays(setup: OfficeSetup, expected: ExpectedArrivals, rules: Pick<DayPlanRules, 'seed' | 'simulatedDays'>): PlannedVisitor[][] {
  return Array.from({ length: rules.simulatedDays }, (_, i) => drawDayArrivals(setup.schedule, expected, rules.seed + i));
}

/** Mean desks on duty in each hour: the roster's desks, less each operator's breaks that date. */
export function desksOnDuty(setup: OfficeSetup, date: string, roster: readonly RosterDesk[], lunches: readonly DayLunch[], hours: readonly Pick<ExpectedHour, 'hour'>[]): number[] {
  const open = hoursOn(setup.schedule, date);
  if (!open) return hours.map(() => 0);
  const from = toMinute(open.open);
  const to = toMinute(open.close);
  const breaks = breaksOn(withDayLunches(setup, date, lunches).schedule, date);
  return hours.map(({ hour }) => {
    const start = Math.max(from, hour * 60);
    const end = Math.min(to, hour * 60 + 60);
    if (end <= start) return 0;
    let minutes = 0;
    for (const r of roster) {
      let away = 0;
      for (const b of breaks) if (b.operatorId === r.operatorId) away += Math.max(0, Math.min(end, toMinute(b.to)) - Math.max(start, toMinute(b.from)));
      minutes += Math.max(0, end - start - away);
    }
    return minutes / (end - start);
  });
}

export function planDay(input: DayPlanInput): DayPlan {
  return runSteps(planDaySteps(input));
}

/** `planDay` in steps: it yields after each lunch option played (`placeLunchesSteps`). */
export function* planDaySteps(input: DayPlanInput): Generator<void, DayPlan> {
  const { setup, date, rules } = input;
  const sample = planSampleDates(setup, date, rules);
  const expected = expectedArrivals(setup.schedule, setup.services, date, sample, input.history);
  const sampled = new Set(expected.sampleDates);
  const pools = servicePools(setup.desks, setup.services.map((s) => s.id));
  const standardMinutes = setup.rules.waitingStandardMinutes;
  const needs = desksNeededByHour(expected, pools, standardMinutes, rules.targetShare);
  const byHour = expected.byHour.map((h, i) => ({ ...h, need: needs[i] as HourNeed }));
  const roster = planRoster(
    setup.desks,
    setup.operators.map((o) => o.id),
    input.deskStaff,
    input.history.filter((t) => sampled.has(t.officeDay)),
  );
  const base: Omit<DayPlan, 'options' | 'optionsPlayed'> = {
    date,
    closed: !expected.hours,
    ...(expected.hours && { hours: expected.hours }),
    sampleDates: expected.sampleDates,
    skipped: expected.skipped,
    standardMinutes,
    targetShare: rules.targetShare,
    expectedVisitors: byHour.reduce((sum, h) => sum + h.total, 0),
    byHour,
    pools,
    roster,
    deskMinutes: expected.deskMinutes,
    simulatedDays: rules.simulatedDays,
  };
  if (!expected.hours) return { ...base, options: [], optionsPlayed: 0 };
  const opensAt = instantOfLocal(setup.schedule.timeZone, date, expected.hours.open);
  const days = drawPlanDays(setup, expected, rules);
  const placed = yield* placeLunchesSteps(setup, date, opensAt, roster, days, rules, rules.maxOptions);
  const options = placed.options.map((o) => ({ ...o, desksOnDuty: desksOnDuty(setup, date, roster, o.lunches, byHour) }));
  return { ...base, options, optionsPlayed: placed.played };
}
