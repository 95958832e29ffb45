import type { DayLunch, LocalTime, OfficeSetup } from '../office-setup.js';
import { breaksOn } from '../office-hours.js';
import type { Instant } from '../ticket.js';
import type { PlannedVisitor } from './day-arrivals.js';
import { localInstants, playPlannedDay } from './day-play.js';
import type { RosterDesk } from './roster.js';

export interface LunchRules {
  /** Lunches start no earlier than this and end no later than `windowTo` (office's local time). */
  windowFrom: LocalTime;
  windowTo: LocalTime;
  /** Lunch starts are tried this many minutes apart. */
  stepMinutes: number;
  /** Length of a lunch for an operator with none in the config that weekday. */
  defaultMinutes: number;
}

export interface LunchOption {
  lunches: DayLunch[];
  /** Share of the drawn days' visitors called within the standard with these lunches, 0..1. */
  expectedShare: number;
  meanWaitMin: number;
  longestWaitMin: number;
  /** The lunches the date has now: the config's for that weekday, or a plan accepted before. */
  current: boolean;
}

const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** How far the local search goes: each pass moves every operator's lunch to its best start. */
const MAX_PASSES = 3;

/**
 * Places each rostered operator's lunch in the window: every option is played on the same drawn
 * days (`days`), and the one with the highest share within the standard wins (ties: the
 * date's current lunches, then fewer minutes of mean wait, then earlier). The search starts from the
 * current lunches and from back-to-back staggers at each start, then moves one lunch at a time
 * to its best start while that helps. No option sends every operator to lunch at once (with two or
 * more). Returns the options tried, best first, at most `maxOptions`, and the current one
 * always among them, and how many options were played.
 */
export function placeLunches(
  setup: OfficeSetup,
  date: string,
  opensAt: Instant,
  roster: readonly RosterDesk[],
  days: readonly (readonly PlannedVisitor[])[],
  rules: LunchRules,
  maxOptions: number,
): { options: LunchOption[]; played: number } {
  return runSteps(placeLunchesSteps(setup, date, opensAt, roster, days, rules, maxOptions));
}

/** Runs a stepwise computation to its end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `placeLunches` one option at a time: it yields after each option played, so a server can give
 * its event loop a turn between them (a plan plays a hundred options, each on several days).
 */
export function* placeLunchesSteps(
  setup: OfficeSetup,
  date: string,
  opensAt: Instant,
  roster: readonly RosterDesk[],
  days: readonly (readonly PlannedVisitor[])[],
  rules: LunchRules,
  maxOptions: number,
): Generator<void, { options: LunchOption[]; played: number }> {
  const operators = roster.map((r) => r.operatorId);
  if (operators.length === 0) return { options: [], played: 0 };
  const dayBreaks = breaksOn(setup.schedule, date);
  const configuredLunch = new Map<string, DayLunch>();
  for (const b of dayBreaks) if (b.reason === 'lunch' && operators.includes(b.operatorId) && !configuredLunch.has(b.operatorId)) configuredLunch.set(b.operatorId, { operatorId: b.operatorId, from: b.from, to: b.to });
  const length = new Map(operators.map((id) => {
    const c = configuredLunch.get(id);
    return [id, c ? toMinute(c.to) - toMinute(c.from) : rules.defaultMinutes];
  }));
  const windowFrom = toMinute(rules.windowFrom);
  const windowTo = toMinute(rules.windowTo);
  const startsOf = (id: string): number[] => {
    const starts: number[] = [];
    for (let s = windowFrom; s + (length.get(id) as number) <= windowTo; s += rules.stepMinutes) starts.push(s);
    return starts;
  };

  const instantOf = localInstants(setup.schedule.timeZone, date);
  const tried = new Map<string, LunchOption>();
  const keyOf = (lunches: readonly DayLunch[]) => lunches.map((l) => `${l.operatorId}@${l.from}`).join(',');
  const allAway = (lunches: readonly DayLunch[]) => {
    if (operators.length < 2 || lunches.length < operators.length) return false;
    return lunches.some((l) => lunches.every((o) => o.from <= l.from && l.from < o.to));
  };
  const evaluate = (lunches: DayLunch[], configured = false): LunchOption | undefined => {
    const key = keyOf(lunches);
    const known = tried.get(key);
    if (known) {
      if (configured) known.current = true;
      return known;
    }
    if (!configured && allAway(lunches)) return undefined;
    let visitors = 0;
    let within = 0;
    let waitSum = 0;
    let longest = 0;
    for (const day of days) {
      const r = playPlannedDay(setup, date, opensAt, roster, lunches, day, instantOf);
      visitors += r.visitors;
      within += r.withinStandard;
      waitSum += r.waitMinSum;
      longest = Math.max(longest, r.longestWaitMin);
    }
    const option: LunchOption = {
      lunches,
      expectedShare: visitors > 0 ? within / visitors : 1,
      meanWaitMin: visitors > 0 ? waitSum / visitors : 0,
      longestWaitMin: longest,
      current: configured,
    };
    tried.set(key, option);
    return option;
  };
  const better = (a: LunchOption, b: LunchOption) =>
    a.expectedShare - b.expectedShare > 1e-9 || (Math.abs(a.expectedShare - b.expectedShare) <= 1e-9 && a.meanWaitMin < b.meanWaitMin - 1e-9);
  const lunchAt = (id: string, start: number): DayLunch => ({ operatorId: id, from: toTime(start), to: toTime(start + (length.get(id) as number)) });

  // The config's own lunches (an operator without one keeps none), so the head sees what the plan changes.
  const configured = operators.flatMap((id) => {
    const c = configuredLunch.get(id);
    return c ? [c] : [];
  });
  let best = configured.length > 0 ? evaluate(configured, true) : undefined;
  yield;
  // Back-to-back staggers in desk order from each start that fits the window.
  for (const start of startsOf(operators[0] as string)) {
    let at = start;
    const lunches: DayLunch[] = [];
    for (const id of operators) {
      if (at + (length.get(id) as number) > windowTo) break;
      lunches.push(lunchAt(id, at));
      at += length.get(id) as number;
    }
    if (lunches.length < operators.length) continue;
    const option = evaluate(lunches);
    if (option && (!best || better(option, best))) best = option;
    yield;
  }
  if (!best) {
    // No stagger fits (a short window): everyone's lunch at the window's start, moved below.
    const start = operators.map((id) => lunchAt(id, windowFrom));
    best = evaluate(start, false) ?? evaluate(start, true);
  }
  // One lunch at a time to a better start, while that helps: every other start on the first pass,
  // the neighbouring ones after it.
  for (let pass = 0; pass < MAX_PASSES && best; pass += 1) {
    let improved = false;
    for (const id of operators) {
      const now = toMinute(((best as LunchOption).lunches.find((l) => l.operatorId === id) as DayLunch | undefined)?.from ?? rules.windowFrom);
      const starts = startsOf(id);
      for (const start of starts.filter((s, i) => (pass === 0 ? i % 2 === 0 : Math.abs(s - now) <= rules.stepMinutes))) {
        const lunches = (best as LunchOption).lunches.filter((l) => l.operatorId !== id);
        lunches.push(lunchAt(id, start));
        lunches.sort((a, b) => operators.indexOf(a.operatorId) - operators.indexOf(b.operatorId));
        const option = evaluate(lunches);
        if (option && better(option, best as LunchOption)) {
          best = option;
          improved = true;
        }
        yield;
      }
    }
    if (!improved) break;
  }
  const ranked = [...tried.values()].sort(
    (a, b) => b.expectedShare - a.expectedShare || (a.current === b.current ? 0 : a.current ? -1 : 1) || a.meanWaitMin - b.meanWaitMin || (keyOf(a.lunches) < keyOf(b.lunches) ? -1 : 1),
  );
  const shown = ranked.slice(0, maxOptions);
  const configuredOption = ranked.find((o) => o.current);
  if (configuredOption && !shown.includes(configuredOption)) shown.push(configuredOption);
  return { options: shown, played: tried.size };
}
