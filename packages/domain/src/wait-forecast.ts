import { chooseNextTicket } from './call-next.js';
import type { DeskState } from './desk-state.js';
import { instantOfLocal, localTimeOf, scheduledBreakAt } from './office-hours.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

const MINUTE = 60_000;
const MIN_SAMPLES = 3;
/** A desk paused for something other than a scheduled break is assumed back this soon. */
const UNPLANNED_PAUSE_MS = 5 * MINUTE;
/** However long a visitor has been at the desk already, the rest of the visit takes at least this. */
const MIN_REMAINING_MS = MINUTE;
/** The simulation stops after this many calls: a hall bigger than this is not a kiosk's question. */
const MAX_CALLS = 2000;

/** Mean of the service's recent visits, or its norm until there are enough of them. */
export function expectedServiceMs(state: QueueState, serviceId: string): number {
  const samples = state.recentServiceMs.get(serviceId) ?? [];
  if (samples.length >= MIN_SAMPLES) return samples.reduce((a, b) => a + b, 0) / samples.length;
  return (state.setup.services.find((s) => s.id === serviceId)?.normMinutes ?? 10) * MINUTE;
}

interface SimDesk {
  id: string;
  number: number;
  operatorId: string | undefined;
  freeAt: Instant;
  state: DeskState;
}

/** When the operator's scheduled break covering `at` ends, or `at` if none does. */
function afterBreak(state: QueueState, operatorId: string | undefined, at: Instant): Instant {
  if (operatorId === undefined) return at;
  let t = at;
  for (let guard = 0; guard < 8; guard += 1) {
    const b = scheduledBreakAt(state.setup.schedule, operatorId, t);
    if (!b) return t;
    t = instantOfLocal(state.setup.schedule.timeZone, localTimeOf(state.setup.schedule, t).date, b.to);
  }
  return t;
}

/**
 * Plays the office forward from its current state and says when each waiting ticket will be
 * called: the open desks (each finishing its current visitor at the recent pace of its service),
 * paused desks back at the end of their scheduled break, lunches about to start, and the same
 * call rule (`chooseNextTicket`) the desks use. Nobody new arrives in this play, so it is a
 * little optimistic on a busy day; the range the office prints around it comes from its measured
 * errors. Tickets no open or returning desk serves are left out (no estimate).
 */
export function forecastCalls(state: QueueState, now: Instant): Map<string, Instant> {
  const calls = new Map<string, Instant>();
  const tickets = new Map<string, Ticket>();
  for (const [id, t] of state.tickets) if (t.status === 'waiting') tickets.set(id, t);
  if (tickets.size === 0) return calls;

  const desks: SimDesk[] = [];
  for (const setup of state.setup.desks) {
    const live = state.desks.get(setup.id);
    if (!live || live.status === 'closed') continue;
    let freeAt = now;
    if (live.status === 'paused') {
      const back = afterBreak(state, live.operatorId, now);
      freeAt = back > now ? back : now + UNPLANNED_PAUSE_MS;
    } else if (live.currentTicketId !== undefined) {
      const current = state.tickets.get(live.currentTicketId);
      if (current) {
        const since = current.servingStartedAt ?? current.calledAt ?? now;
        freeAt = now + Math.max(MIN_REMAINING_MS, expectedServiceMs(state, current.serviceId) - (now - since));
      }
    }
    desks.push({ id: setup.id, number: setup.number, operatorId: live.operatorId, freeAt: afterBreak(state, live.operatorId, freeAt), state: live });
  }

  const deskStates = new Map(state.desks);
  const view: QueueState = { ...state, tickets, desks: deskStates };
  for (let n = 0; n < MAX_CALLS && desks.length > 0 && tickets.size > 0; n += 1) {
    // The desk free first calls next; equal times go to the lower desk number, as every run must agree.
    let at = 0;
    for (let i = 1; i < desks.length; i += 1) {
      const d = desks[i] as SimDesk;
      const best = desks[at] as SimDesk;
      if (d.freeAt < best.freeAt || (d.freeAt === best.freeAt && d.number < best.number)) at = i;
    }
    const desk = desks[at] as SimDesk;
    const choice = chooseNextTicket(view, desk.id, desk.freeAt);
    if (!choice) {
      // Nobody this desk serves is left (no one arrives in this play): it drops out.
      desks.splice(at, 1);
      continue;
    }
    calls.set(choice.ticket.id, desk.freeAt);
    tickets.delete(choice.ticket.id);
    const priorityRun = choice.reason === 'priority' || choice.reason === 'booking-due' ? desk.state.priorityCallsInRow + 1 : 0;
    desk.state = { ...desk.state, priorityCallsInRow: priorityRun };
    deskStates.set(desk.id, desk.state);
    desk.freeAt = afterBreak(state, desk.operatorId, desk.freeAt + expectedServiceMs(state, choice.ticket.serviceId));
  }
  return calls;
}

/**
 * The wait a ticket is told, in whole minutes, from the forward play: for a ticket in the hall,
 * or (no ticket id) for a visitor who takes a plain ticket of the service now. Null when no open
 * or returning desk serves it.
 */
export function forecastWaitMin(state: QueueState, serviceId: string, now: Instant, ticketId?: string): number | null {
  let hall = state;
  let id = ticketId;
  if (id === undefined) {
    id = '\u0000newcomer';
    const officeDay = localTimeOf(state.setup.schedule, now).date;
    const newcomer: Ticket = { id, number: '\uffff', serviceId, officeDay, kind: 'walk-in', issuedAt: now, queuedAt: now, status: 'waiting', recalls: 0 };
    hall = { ...state, tickets: new Map([...state.tickets, [id, newcomer]]) };
  }
  const calledAt = forecastCalls(hall, now).get(id);
  return calledAt === undefined ? null : Math.max(0, Math.round((calledAt - now) / MINUTE));
}

/**
 * The range printed around an estimate: from its own recent errors (what was told minus what
 * was waited, in minutes), the 10th and 90th percentiles, so about four visitors in five fall
 * inside. Until there are enough errors, a plain ±30 % (at least 3 minutes either side).
 */
export function waitRange(estimateMin: number, recentErrorsMin: readonly number[]): { fromMin: number; toMin: number } {
  if (recentErrorsMin.length < 20) {
    const half = Math.max(3, Math.round(estimateMin * 0.3));
    return { fromMin: Math.max(0, estimateMin - half), toMin: estimateMin + half };
  }
  const sorted = [...recentErrorsMin].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  // An error of +e means the visitor waited e less than told: the wait runs from estimate - q90 to estimate - q10.
  const fromMin = Math.max(0, Math.floor(estimateMin - at(0.9)));
  const toMin = Math.max(fromMin + 1, Math.ceil(estimateMin - at(0.1)));
  return { fromMin, toMin };
}

/** The median of the recent errors, once there are enough to trust: the forecast's own lean. */
function medianError(recentErrorsMin: readonly number[]): number {
  if (recentErrorsMin.length < 20) return 0;
  const sorted = [...recentErrorsMin].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * The minutes told to the visitor: the forward play corrected by its own recent lean (it sees no
 * one arriving after now, so on a busy day it tends to be short). The errors are the raw
 * forecast's (told by `forecastWaitMin` minus waited).
 */
export function calibratedWaitMin(forecastMin: number, recentErrorsMin: readonly number[]): number {
  return Math.max(0, Math.round(forecastMin - medianError(recentErrorsMin)));
}
