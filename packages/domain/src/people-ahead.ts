import { compareArrival, compareSlot, isDueBooking, isPriorityTicket } from './call-next.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

/** Which of the call policy's lines a waiting ticket stands in: priority, due booking, the rest. */
function line(ticket: Ticket, now: Instant): 0 | 1 | 2 {
  if (isPriorityTicket(ticket)) return 0;
  if (isDueBooking(ticket, now)) return 1;
  return 2;
}

/** Whether the call policy would take `a` before `b`, both of one service. */
function before(a: Ticket, b: Ticket, now: Instant): boolean {
  const la = line(a, now);
  const lb = line(b, now);
  if (la !== lb) return la < lb;
  return (la === 1 ? compareSlot(a, b) : compareArrival(a, b)) < 0;
}

/**
 * How many waiting visitors of the same service stand before this ticket (or before a new one):
 * a new ticket has everyone waiting for the service ahead of it; an existing one has those the
 * call policy takes first — priority, due bookings — and those who came earlier (a booking not yet
 * due is counted as it will stand at its slot). A ticket already
 * called, in service or parked at a desk has nobody ahead.
 */
export function peopleAheadOf(state: QueueState, serviceId: string, now: Instant, ticketId?: string): number {
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting' && t.serviceId === serviceId);
  const self = ticketId !== undefined ? state.tickets.get(ticketId) : undefined;
  if (!self) return waiting.length;
  if (self.status !== 'waiting') return 0;
  // A booked visitor who checked in early is counted as of the slot: from then on the policy takes
  // them before every walk-in, and the walk-ins called meanwhile only shorten the line.
  const at = self.kind === 'booking' && self.bookingSlotStart !== undefined ? Math.max(now, self.bookingSlotStart) : now;
  return waiting.filter((t) => t.id !== self.id && before(t, self, at)).length;
}
