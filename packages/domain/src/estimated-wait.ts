import { openDesksFor } from './open-desks.js';
import { peopleAheadOf } from './people-ahead.js';
import type { QueueState } from './queue-state.js';
import type { Instant } from './ticket.js';

export interface WaitEstimate {
  peopleAhead: number;
  /** Null while no desk serving the service is open: there is nothing to estimate from. */
  estimatedWaitMin: number | null;
  openDesks: number;
}

const MINUTE = 60_000;
const MIN_SAMPLES = 3;

/**
 * How long a visitor of this service will wait: the people ahead, shared among the open desks
 * that serve the service, at the recent pace of that service (its norm until there is a pace).
 */
export function estimateWait(state: QueueState, serviceId: string, now: Instant, ticketId?: string): WaitEstimate {
  const service = state.setup.services.find((s) => s.id === serviceId);
  const openDesks = openDesksFor(state, serviceId);
  const peopleAhead = peopleAheadOf(state, serviceId, now, ticketId);
  const samples = state.recentServiceMs.get(serviceId) ?? [];
  const averageMs =
    samples.length >= MIN_SAMPLES ? samples.reduce((a, b) => a + b, 0) / samples.length : (service?.normMinutes ?? 10) * MINUTE;
  if (openDesks === 0) return { peopleAhead, estimatedWaitMin: null, openDesks };
  // A booked visitor who came early is not called before the slot, however short the line.
  const self = ticketId !== undefined ? state.tickets.get(ticketId) : undefined;
  const untilSlotMs = self?.kind === 'booking' && self.bookingSlotStart !== undefined ? Math.max(0, self.bookingSlotStart - now) : 0;
  return { peopleAhead, estimatedWaitMin: Math.ceil((untilSlotMs + (peopleAhead * averageMs) / openDesks) / MINUTE), openDesks };
}
