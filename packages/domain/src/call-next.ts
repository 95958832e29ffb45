import type { TicketCallReason } from './events.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

export interface CallChoice {
  ticket: Ticket;
  reason: TicketCallReason;
}

const MINUTE = 60_000;

/** Plain code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 'A999' before 'A1000': the letter, then the number as a number. */
function compareNumber(a: string, b: string): number {
  const split = (n: string) => /^(\D*)(\d*)$/.exec(n) ?? [n, n, ''];
  const [, letterA = '', digitsA = ''] = split(a);
  const [, letterB = '', digitsB = ''] = split(b);
  return compareText(letterA, letterB) || Number(digitsA) - Number(digitsB) || compareText(a, b);
}

/**
 * Oldest place first; issue time, number and id only make the choice the same on every run.
 */
export function compareArrival(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || compareNumber(a.number, b.number) || compareText(a.id, b.id);
}

/** Earliest slot first, then by arrival. */
export function compareSlot(a: Ticket, b: Ticket): number {
  return (a.bookingSlotStart ?? a.queuedAt) - (b.bookingSlotStart ?? b.queuedAt) || compareArrival(a, b);
}

/** A priority category whose document has not been found wanting (a pending check counts). */
export function isPriorityTicket(ticket: Ticket): boolean {
  return ticket.kind === 'priority' && ticket.categoryCheck !== 'rejected';
}

/** A checked-in booking whose slot has started. */
export function isDueBooking(ticket: Ticket, now: Instant): boolean {
  return ticket.kind === 'booking' && ticket.bookingSlotStart !== undefined && ticket.bookingSlotStart <= now;
}

/**
 * Who this desk calls next. The whole policy is here, in the order it is applied; the README and
 * docs/call-policy.md say the same in plain words, and call-next.test.ts checks it by tables.
 *
 * One pass over the hall finds the first ticket of every tier at once: the forward play
 * (wait-forecast.ts) asks this for every call it plays, so a pass per tier cost the office's
 * estimate most of its time. call-next.properties.test.ts holds the rule written tier by tier,
 * and checks this one against it over random halls.
 */
export function chooseNextTicket(state: QueueState, deskId: string, now: Instant): CallChoice | undefined {
  const desk = state.desks.get(deskId);
  if (!desk) return undefined;
  // A desk removed from the config while open serves nothing new, only tickets sent to it.
  const deskSetup = state.setup.desks.find((d) => d.id === deskId);
  const services = deskSetup?.services ?? [];
  const weights = new Map(services.map((s) => [s.serviceId, s.weight]));
  const weighted = deskSetup?.servicePolicy === 'weighted';
  const { waitingStandardMinutes, waitingHardLimitMinutes, waitingNearStandardMinutes, maxPriorityCallsInRow } = state.setup.rules;
  const standardMs = waitingStandardMinutes * MINUTE;
  const hardLimitMs = waitingHardLimitMinutes * MINUTE;
  // Still within the standard but waiting longer than this: about to be late (0 = off: nobody is).
  const nearMs = waitingNearStandardMinutes > 0 ? standardMs - waitingNearStandardMinutes * MINUTE : Infinity;

  let transferred: Ticket | undefined;
  let overdue: Ticket | undefined;
  let priority: Ticket | undefined;
  let pastLimit: Ticket | undefined;
  let due: Ticket | undefined;
  let nearStandard: Ticket | undefined;
  // In time: by weighted score, or the oldest per service for a desk that keeps its service order.
  let inTimeByScore: Ticket | undefined;
  let inTimeScore = 0;
  const inTimeByService = weighted ? undefined : new Map<string, Ticket>();

  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting') continue;
    if (t.targetDeskId !== undefined) {
      if (t.targetDeskId === deskId && (transferred === undefined || compareArrival(t, transferred) < 0)) transferred = t;
      continue;
    }
    const weight = weights.get(t.serviceId);
    if (weight === undefined) continue;
    const waited = now - t.queuedAt;
    const isPriority = isPriorityTicket(t);
    const isDue = isDueBooking(t, now);
    if (isPriority && (priority === undefined || compareArrival(t, priority) < 0)) priority = t;
    if (waited > hardLimitMs && (t.kind !== 'booking' || isDue) && (pastLimit === undefined || compareArrival(t, pastLimit) < 0)) pastLimit = t;
    if (isDue && (due === undefined || compareSlot(t, due) < 0)) due = t;
    if (isPriority || isDue) continue;
    // A walk-in (or a booking not yet due): late, or still able to make the standard.
    if (waited > standardMs) {
      if (overdue === undefined || compareArrival(t, overdue) < 0) overdue = t;
      continue;
    }
    if (waited > nearMs && (nearStandard === undefined || compareArrival(t, nearStandard) < 0)) nearStandard = t;
    if (inTimeByService) {
      const first = inTimeByService.get(t.serviceId);
      if (first === undefined || compareArrival(t, first) < 0) inTimeByService.set(t.serviceId, t);
    } else {
      const score = waited * weight;
      if (inTimeByScore === undefined || score > inTimeScore || (score === inTimeScore && compareArrival(t, inTimeByScore) < 0)) {
        inTimeByScore = t;
        inTimeScore = score;
      }
    }
  }

  // 1. Sent to this very desk by a colleague: they have waited once already.
  if (transferred) return { ticket: transferred, reason: 'transferred-to-desk' };

  // 2. Fairness: priority and bookings may not shut out a walk-in who waits past the standard.
  if (desk.priorityCallsInRow >= maxPriorityCallsInRow && overdue) return { ticket: overdue, reason: 'fairness-cap' };

  // 3. Priority categories.
  if (priority) return { ticket: priority, reason: 'priority' };

  // 4. Past the hard limit, longest first, before bookings and walk-ins: the bound on the longest wait.
  if (pastLimit) return { ticket: pastLimit, reason: 'past-hard-limit' };

  // 5. Bookings whose slot has started, earliest slot first.
  if (due) return { ticket: due, reason: 'booking-due' };

  // 6. Walk-ins about to pass the standard (its last few minutes), oldest first whatever the
  // service: a call now is what keeps them within it, while a newcomer can still wait.
  if (nearStandard) return { ticket: nearStandard, reason: 'next-in-line' };

  // 7. Walk-ins who can still be called within the standard, by the desk's own service policy (its
  // first listed service with anyone waiting, or the highest wait x weight): serving the
  // already-late first would only make these late too.
  let inTime = inTimeByScore;
  if (inTimeByService) {
    for (const entry of services) {
      inTime = inTimeByService.get(entry.serviceId);
      if (inTime) break;
    }
  }
  if (inTime) return { ticket: inTime, reason: 'next-in-line' };

  // 8. Walk-ins past the standard (not yet past the hard limit), longest wait first.
  return overdue ? { ticket: overdue, reason: 'overdue-walk-in' } : undefined;
}
