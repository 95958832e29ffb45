import type { Booking } from './booking.js';
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

export function fromSnapshot(snapshot: QueueSnapshot, setup: OfficeSetup): QueueState {
  return {
    setup,
    tickets: new Map(snapshot.tickets.map((t) => [t.id, t])),
    desks: new Map(snapshot.desks.map((d) => [d.deskId, d])),
    bookings: new Map(snapshot.bookings.map((b) => [b.id, b])),
    lastNumbers: new Map(snapshot.lastNumbers),
    recentServiceMs: new Map(snapshot.recentServiceMs),
  };
}
