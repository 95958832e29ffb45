import type { TicketCallReason } from './events.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

export interface CallChoice {
  ticket: Ticket;
  reason: TicketCallReason;
}

const MINUTE = 60_000;

/** Oldest place first; the rest only makes the choice the same on every run. */
function byArrival(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.number.localeCompare(b.number) || a.id.localeCompare(b.id);
}

function oldest(tickets: Ticket[]): Ticket | undefined {
  return tickets.length === 0 ? undefined : [...tickets].sort(byArrival)[0];
}

function isPriority(ticket: Ticket): boolean {
  return ticket.kind === 'priority' && ticket.categoryCheck !== 'rejected';
}

function isDueBooking(ticket: Ticket, now: Instant): boolean {
  return ticket.kind === 'booking' && ticket.bookingSlotStart !== undefined && ticket.bookingSlotStart <= now;
}

/**
 * Who this desk calls next. The whole policy is here, in the order it is applied; the README and
 * docs/call-policy.md say the same in plain words, and call-next.test.ts checks it by tables.
 */
export function chooseNextTicket(state: QueueState, deskId: string, now: Instant): CallChoice | undefined {
  const desk = state.desks.get(deskId);
  const deskSetup = state.setup.desks.find((d) => d.id === deskId);
  if (!desk || !deskSetup) return undefined;
  const weights = new Map(deskSetup.services.map((s) => [s.serviceId, s.weight]));
  const { waitingStandardMinutes, maxPriorityCallsInRow } = state.setup.rules;

  const candidates: Ticket[] = [];
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'waiting') continue;
    if (ticket.targetDeskId !== undefined ? ticket.targetDeskId === deskId : weights.has(ticket.serviceId)) candidates.push(ticket);
  }
  if (candidates.length === 0) return undefined;

  // 1. Sent to this very desk by a colleague: they have waited once already.
  const transferred = oldest(candidates.filter((t) => t.targetDeskId === deskId));
  if (transferred) return { ticket: transferred, reason: 'transferred-to-desk' };

  const isWalkIn = (t: Ticket) => !isPriority(t) && !isDueBooking(t, now);
  const overdue = candidates.filter((t) => isWalkIn(t) && now - t.queuedAt > waitingStandardMinutes * MINUTE);

  // 2. Fairness: priority and bookings may not shut out a walk-in who waits past the standard.
  if (desk.priorityCallsInRow >= maxPriorityCallsInRow) {
    const lifted = oldest(overdue);
    if (lifted) return { ticket: lifted, reason: 'fairness-cap' };
  }

  // 3. Priority categories.
  const priority = oldest(candidates.filter(isPriority));
  if (priority) return { ticket: priority, reason: 'priority' };

  // 4. Bookings whose slot has started, earliest slot first.
  const due = candidates
    .filter((t) => isDueBooking(t, now))
    .sort((a, b) => a.bookingSlotStart! - b.bookingSlotStart! || byArrival(a, b))[0];
  if (due) return { ticket: due, reason: 'booking-due' };

  // 5. Walk-ins waiting past the standard, longest wait first, whatever the desk's order.
  const lifted = oldest(overdue);
  if (lifted) return { ticket: lifted, reason: 'overdue-walk-in' };

  // 6. Everyone else by the desk's own service policy.
  const rest = candidates.filter(isWalkIn);
  if (deskSetup.servicePolicy === 'order') {
    for (const entry of deskSetup.services) {
      const first = oldest(rest.filter((t) => t.serviceId === entry.serviceId));
      if (first) return { ticket: first, reason: 'next-in-line' };
    }
    return undefined;
  }
  const score = (t: Ticket) => (now - t.queuedAt) * (weights.get(t.serviceId) ?? 1);
  const best = [...rest].sort((a, b) => score(b) - score(a) || byArrival(a, b))[0];
  return best ? { ticket: best, reason: 'next-in-line' } : undefined;
}
