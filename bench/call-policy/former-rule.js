// The call rule as it was before issue 14, kept for the bench only, as the baseline the new rule
// is measured against: transfers, the fairness cap, priority, due bookings, then walk-ins past the
// standard longest first, then the desk's own order. It keeps its own run of priority calls per
// desk, because the bench plays it through `ticket.call` (which the engine counts as a hand pick).
import { isDueBooking, isPriorityTicket } from '@talon/domain';

const MINUTE = 60_000;

export function createFormerRule() {
  const runs = new Map();
  return (state, deskId, now) => {
    const choice = choose(state, deskId, now, runs.get(deskId) ?? 0);
    if (!choice) return undefined;
    runs.set(deskId, choice.reason === 'priority' || choice.reason === 'booking-due' ? (runs.get(deskId) ?? 0) + 1 : 0);
    return choice.ticket;
  };
}

const byArrival = (a, b) => a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : 1);
const oldest = (tickets) => [...tickets].sort(byArrival)[0];

function choose(state, deskId, now, run) {
  const setup = state.setup.desks.find((d) => d.id === deskId);
  const weights = new Map(setup.services.map((s) => [s.serviceId, s.weight]));
  const { waitingStandardMinutes, maxPriorityCallsInRow } = state.setup.rules;
  const candidates = [...state.tickets.values()].filter(
    (t) => t.status === 'waiting' && (t.targetDeskId !== undefined ? t.targetDeskId === deskId : weights.has(t.serviceId)),
  );
  const transferred = oldest(candidates.filter((t) => t.targetDeskId === deskId));
  if (transferred) return { ticket: transferred, reason: 'transferred-to-desk' };
  const isWalkIn = (t) => !isPriorityTicket(t) && !isDueBooking(t, now);
  const overdue = candidates.filter((t) => isWalkIn(t) && now - t.queuedAt > waitingStandardMinutes * MINUTE);
  if (run >= maxPriorityCallsInRow && overdue.length > 0) return { ticket: oldest(overdue), reason: 'fairness-cap' };
  const priority = oldest(candidates.filter(isPriorityTicket));
  if (priority) return { ticket: priority, reason: 'priority' };
  const due = candidates.filter((t) => isDueBooking(t, now)).sort((a, b) => a.bookingSlotStart - b.bookingSlotStart || byArrival(a, b))[0];
  if (due) return { ticket: due, reason: 'booking-due' };
  if (overdue.length > 0) return { ticket: oldest(overdue), reason: 'overdue-walk-in' };
  const rest = candidates.filter(isWalkIn);
  if (setup.servicePolicy !== 'weighted') {
    for (const entry of setup.services) {
      const first = oldest(rest.filter((t) => t.serviceId === entry.serviceId));
      if (first) return { ticket: first, reason: 'next-in-line' };
    }
    return undefined;
  }
  const score = (t) => (now - t.queuedAt) * (weights.get(t.serviceId) ?? 1);
  const best = [...rest].sort((a, b) => score(b) - score(a) || byArrival(a, b))[0];
  return best ? { ticket: best, reason: 'next-in-line' } : undefined;
}
