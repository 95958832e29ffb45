import type { DeskState } from './desk-state.js';
import type { OfficeSetup } from './office-setup.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

function closedDesk(deskId: string, now: Instant): DeskState {
  return { deskId, status: 'closed', statusSince: now, priorityCallsInRow: 0, lastFinishedRated: false };
}

/** An office with every desk closed and nobody waiting. */
export function createQueueState(setup: OfficeSetup, now: Instant): QueueState {
  return {
    setup,
    tickets: new Map(),
    desks: new Map(setup.desks.map((desk) => [desk.id, closedDesk(desk.id, now)])),
    bookings: new Map(),
    lastNumbers: new Map(),
    recentServiceMs: new Map(),
  };
}

/**
 * Tickets sent to a desk that no longer exists go back to their service's queue (keeping their
 * place), so nobody waits for a desk that will never call them.
 */
export function releaseTargetsOf(tickets: ReadonlyMap<string, Ticket>, goneDeskIds: ReadonlySet<string>): ReadonlyMap<string, Ticket> {
  if (goneDeskIds.size === 0) return tickets;
  let changed: Map<string, Ticket> | undefined;
  for (const ticket of tickets.values()) {
    if (ticket.targetDeskId === undefined || !goneDeskIds.has(ticket.targetDeskId)) continue;
    changed ??= new Map(tickets);
    const { targetDeskId: _gone, ...rest } = ticket;
    changed.set(ticket.id, rest);
  }
  return changed ?? tickets;
}

/**
 * Live config edits: a new desk appears closed (since `now`, when the caller knows it); a removed
 * desk disappears at once if closed, or stays until it is closed, so a visitor at it is never
 * dropped; tickets of a removed service keep waiting (an operator can still cancel them, and they
 * are served again if the service comes back).
 */
export function replaceSetup(state: QueueState, setup: OfficeSetup, now: Instant = 0): QueueState {
  const desks = new Map<string, DeskState>();
  for (const desk of setup.desks) desks.set(desk.id, state.desks.get(desk.id) ?? closedDesk(desk.id, now));
  const gone = new Set<string>();
  for (const [deskId, desk] of state.desks) {
    if (desks.has(deskId)) continue;
    if (desk.status !== 'closed') desks.set(deskId, desk);
    else gone.add(deskId);
  }
  return { ...state, setup, desks, tickets: releaseTargetsOf(state.tickets, gone) };
}
