import type { DeskState } from './desk-state.js';
import type { OfficeSetup } from './office-setup.js';
import type { QueueState } from './queue-state.js';
import type { Instant } from './ticket.js';

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
 * Live config edits: a new desk appears closed; a removed desk disappears once it is closed, so
 * a visitor at it is never dropped; tickets of a removed service keep waiting.
 */
export function replaceSetup(state: QueueState, setup: OfficeSetup): QueueState {
  const desks = new Map<string, DeskState>();
  for (const desk of setup.desks) desks.set(desk.id, state.desks.get(desk.id) ?? closedDesk(desk.id, 0));
  for (const [deskId, desk] of state.desks) {
    if (!desks.has(deskId) && desk.status !== 'closed') desks.set(deskId, desk);
  }
  return { ...state, setup, desks };
}
