import type { Booking } from './booking.js';
import { replaceSetup } from './create-queue-state.js';
import type { DeskState } from './desk-state.js';
import type { OfficeSetup } from './office-setup.js';
import type { QueueState } from './queue-state.js';
import type { Ticket } from './ticket.js';

/** The live queue as plain JSON; the setup is not in it, it comes from the config. */
export interface QueueSnapshot {
  version: 1;
  tickets: Ticket[];
  desks: DeskState[];
  bookings: Booking[];
  lastNumbers: [string, number][];
  recentServiceMs: [string, number[]][];
}

export function toSnapshot(state: QueueState): QueueSnapshot {
  return {
    version: 1,
    tickets: [...state.tickets.values()],
    desks: [...state.desks.values()],
    bookings: [...state.bookings.values()],
    lastNumbers: [...state.lastNumbers.entries()],
    recentServiceMs: [...state.recentServiceMs.entries()].map(([id, samples]) => [id, [...samples]]),
  };
}

/**
 * The live queue back from a snapshot, under the setup of today's config: desks added to the
 * config since appear closed and closed desks removed from it disappear (as with `replaceSetup`).
 */
export function fromSnapshot(snapshot: QueueSnapshot, setup: OfficeSetup): QueueState {
  if (snapshot.version !== 1) throw new Error(`unknown queue snapshot version ${String(snapshot.version)}`);
  const state: QueueState = {
    setup,
    tickets: new Map(snapshot.tickets.map((t) => [t.id, t])),
    desks: new Map(snapshot.desks.map((d) => [d.deskId, d])),
    bookings: new Map(snapshot.bookings.map((b) => [b.id, b])),
    lastNumbers: new Map(snapshot.lastNumbers),
    recentServiceMs: new Map(snapshot.recentServiceMs.map(([id, samples]) => [id, [...samples]])),
  };
  return replaceSetup(state, setup);
}
