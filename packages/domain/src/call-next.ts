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

function oldest(tickets: Ticket[]): Ticket | undefined {
  return tickets.length === 0 ? undefined : [...tickets].sort(compareArrival)[0];
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
 */
export function chooseNextTicket(state: QueueState, deskId: string, now: Instant): CallChoice | undefined {
  const desk = state.desks.get(deskId);
  if (!desk) return undefined;
  // A desk removed from the config while open serves nothing new, only tickets sent to it.
  const deskSetup = state.setup.desks.find((d) => d.id === deskId);
  const services = deskSetup?.services ?? [];
  const weights = new Map(services.map((s) => [s.serviceId, s.weight]));
  const { waitingStandardMinutes, waitingHardLimitMinutes, maxPriorityCallsInRow } = state.setup.rules;

  const candidates: Ticket[] = [];
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'waiting') continue;
    if (ticket.targetDeskId !== undefined ? ticket.targetDeskId === deskId : weights.has(ticket.serviceId)) candidates.push(ticket);
  }
  if (candidates.length === 0) return undefined;

  // 1. Sent to this very desk by a colleague: they have waited once already.
  const transferred = oldest(candidates.filter((t) => t.targetDeskId === deskId));
  if (transferred) return { ticket: transferred, reason: 'transferred-to-desk' };

  const waited = (t: Ticket) => now - t.queuedAt;
  const isWalkIn = (t: Ticket) => !isPriorityTicket(t) && !isDueBooking(t, now);
  const overdue = candidates.filter((t) => isWalkIn(t) && waited(t) > waitingStandardMinutes * MINUTE);

  // 2. Fairness: priority and bookings may not shut out a walk-in who waits past the standard.
  if (desk.priorityCallsInRow >= maxPriorityCallsInRow) {
    const lifted = oldest(overdue);
    if (lifted) return { ticket: lifted, reason: 'fairness-cap' };
  }

  // 3. Priority categories.
  const priority = oldest(candidates.filter(isPriorityTicket));
  if (priority) return { ticket: priority, reason: 'priority' };

  // 4. Past the hard limit, longest first, before bookings and walk-ins: the bound on the longest wait.
  const pastLimit = oldest(candidates.filter((t) => waited(t) > waitingHardLimitMinutes * MINUTE && (t.kind !== 'booking' || isDueBooking(t, now))));
  if (pastLimit) return { ticket: pastLimit, reason: 'past-hard-limit' };

  // 5. Bookings whose slot has started, earliest slot first.
  const due = candidates.filter((t) => isDueBooking(t, now)).sort(compareSlot)[0];
  if (due) return { ticket: due, reason: 'booking-due' };

  // 6. Walk-ins who can still be called within the standard, by the desk's own service policy:
  // serving the already-late first would only make these late too.
  const inTime = byDeskPolicy(candidates.filter((t) => isWalkIn(t) && waited(t) <= waitingStandardMinutes * MINUTE));
  if (inTime) return { ticket: inTime, reason: 'next-in-line' };

  // 7. Walk-ins past the standard (not yet past the hard limit), longest wait first.
  const late = oldest(overdue);
  return late ? { ticket: late, reason: 'overdue-walk-in' } : undefined;

  /** The desk's own setting: its first listed service with anyone waiting, or the highest wait x weight. */
  function byDeskPolicy(rest: Ticket[]): Ticket | undefined {
    if (deskSetup?.servicePolicy !== 'weighted') {
      for (const entry of services) {
        const first = oldest(rest.filter((t) => t.serviceId === entry.serviceId));
        if (first) return first;
      }
      return undefined;
    }
    const score = (t: Ticket) => waited(t) * (weights.get(t.serviceId) ?? 1);
    return [...rest].sort((a, b) => score(b) - score(a) || compareArrival(a, b))[0];
  }
}
