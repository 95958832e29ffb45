import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

/**
 * How many waiting visitors of the same service stand before this ticket (or before a new one):
 * those the call policy takes first — priority, due bookings — and those who came earlier.
 */
export function peopleAheadOf(state: QueueState, serviceId: string, now: Instant, ticketId?: string): number {
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting' && t.serviceId === serviceId);
  const self = ticketId ? state.tickets.get(ticketId) : undefined;
  if (!self || self.status !== 'waiting') return waiting.length;
  const jumps = (t: Ticket) =>
    (t.kind === 'priority' && t.categoryCheck !== 'rejected') ||
    (t.kind === 'booking' && t.bookingSlotStart !== undefined && t.bookingSlotStart <= now);
  const selfJumps = jumps(self);
  return waiting.filter((t) => {
    if (t.id === self.id) return false;
    if (jumps(t) && !selfJumps) return true;
    if (!jumps(t) && selfJumps) return false;
    return t.queuedAt < self.queuedAt || (t.queuedAt === self.queuedAt && t.number < self.number);
  }).length;
}
