import { createQueueState } from '../create-queue-state.js';
import type { DeskState } from '../desk-state.js';
import { breakInstantsOf, pastBreaks } from '../break-instants.js';
import { playHall, type PlayDesk } from '../hall-play.js';
import { breaksOn, instantOfLocal } from '../office-hours.js';
import type { DayLunch, LocalTime, OfficeSetup } from '../office-setup.js';
import type { Instant } from '../ticket.js';
import type { PlannedVisitor } from './day-arrivals.js';
import type { RosterDesk } from './roster.js';

const MINUTE = 60_000;

export interface DayPlayResult {
  visitors: number;
  /** Called within the office standard (`rules.waitingStandardMinutes`) of taking the ticket. */
  withinStandard: number;
  waitMinSum: number;
  longestWaitMin: number;
}

/**
 * The instant of each wall-clock time of `date`, remembered: a plan plays hundreds of days with
 * the same few lunch times, and the time-zone lookup is the slow part.
 */
export function localInstants(timeZone: string, date: string): (time: LocalTime) => Instant {
  const known = new Map<LocalTime, Instant>();
  return (time) => {
    let at = known.get(time);
    if (at === undefined) {
      at = instantOfLocal(timeZone, date, time);
      known.set(time, at);
    }
    return at;
  };
}

/** The office's setup with these lunches as the date's accepted plan. */
export function withDayLunches(setup: OfficeSetup, date: string, lunches: readonly DayLunch[]): OfficeSetup {
  return { ...setup, schedule: { ...setup.schedule, dayLunches: { ...setup.schedule.dayLunches, [date]: lunches } } };
}

/**
 * Plays a drawn day from opening with the roster's desks open all day and the date's breaks
 * (`lunches` in place of the operators' configured lunches), through the same play and call rule
 * as the wait forecast (`playHall`, `chooseNextTicket`). Breaks are turned into instants once: a
 * plan plays hundreds of days.
 */
export function playPlannedDay(
  setup: OfficeSetup,
  date: string,
  opensAt: Instant,
  roster: readonly RosterDesk[],
  lunches: readonly DayLunch[],
  visitors: readonly PlannedVisitor[],
  instantOf: (time: LocalTime) => Instant = localInstants(setup.schedule.timeZone, date),
): DayPlayResult {
  const planned = withDayLunches(setup, date, lunches);
  const breaks = breakInstantsOf(breaksOn(planned.schedule, date), instantOf);
  const afterBreak = (operatorId: string | undefined, at: Instant): Instant =>
    operatorId === undefined ? at : pastBreaks(breaks, operatorId, at);
  const desks: PlayDesk[] = roster.map((r) => {
    const state: DeskState = { deskId: r.deskId, status: 'open', operatorId: r.operatorId, statusSince: opensAt, priorityCallsInRow: 0, lastFinishedRated: false };
    return { id: r.deskId, number: r.deskNumber, operatorId: r.operatorId, freeAt: afterBreak(r.operatorId, opensAt), state };
  });
  const deskMs = new Map(visitors.map((v) => [v.ticket.id, v.deskMs]));
  const calls = playHall({
    state: createQueueState(planned, opensAt),
    desks,
    arrivals: visitors.map((v) => v.ticket),
    visitMs: (ticket) => deskMs.get(ticket.id) ?? 0,
    afterBreak,
    // Each visitor is one call; a desk with nobody to call waits for the next visitor (a turn of
    // each such desk per arrival) or drops out.
    maxCalls: (visitors.length + 1) * (desks.length + 1) + 1,
  });
  const standardMs = setup.rules.waitingStandardMinutes * MINUTE;
  const result: DayPlayResult = { visitors: visitors.length, withinStandard: 0, waitMinSum: 0, longestWaitMin: 0 };
  for (const v of visitors) {
    const calledAt = calls.get(v.ticket.id);
    // Nobody serves it: it never gets called, and counts as past the standard.
    if (calledAt === undefined) continue;
    const wait = calledAt - v.ticket.queuedAt;
    if (wait <= standardMs) result.withinStandard += 1;
    result.waitMinSum += wait / MINUTE;
    result.longestWaitMin = Math.max(result.longestWaitMin, wait / MINUTE);
  }
  return result;
}
