import { describe, expect, it } from 'vitest';
import { createQueueState } from './create-queue-state.js';
import type { DeskStatus } from './desk-state.js';
import { estimateWait } from './estimated-wait.js';
import { peopleAheadOf } from './people-ahead.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket } from './ticket.js';

/*
 * People ahead and the estimated wait, as tables over a hall of payment tickets (A) at 10:00,
 * with a meter ticket (C) or two to show other services do not count. Standard 15 min.
 */

const now = TUESDAY_10_00;

interface InHall {
  id: string;
  waited: number;
  kind?: 'walk-in' | 'priority' | 'rejected' | 'booking';
  /** Booking slot start, minutes from now. */
  slot?: number;
  status?: Ticket['status'];
  service?: string;
}

function ticket(spec: InHall, i: number): Ticket {
  const kind = spec.kind ?? 'walk-in';
  const slotStart = spec.slot !== undefined ? now + spec.slot * MINUTE : undefined;
  const queuedAt = slotStart !== undefined && slotStart > now - spec.waited * MINUTE ? slotStart : now - spec.waited * MINUTE;
  return {
    id: spec.id,
    number: `A${String(i + 1).padStart(3, '0')}`,
    serviceId: spec.service ?? 'payments',
    officeDay: '2026-11-24',
    kind: kind === 'rejected' ? 'walk-in' : kind,
    ...(kind === 'priority' && { categoryId: 'disabled', categoryCheck: 'pending' as const }),
    ...(kind === 'rejected' && { categoryId: 'disabled', categoryCheck: 'rejected' as const }),
    ...(slotStart !== undefined && { bookingId: `b-${spec.id}`, bookingSlotStart: slotStart }),
    issuedAt: now - spec.waited * MINUTE,
    queuedAt,
    status: spec.status ?? 'waiting',
    recalls: 0,
  };
}

function hall(tickets: InHall[], desks: Partial<Record<string, DeskStatus>> = {}, samples: number[] = []): QueueState {
  const base = createQueueState(testOffice(), now - 60 * MINUTE);
  const deskStates = new Map(base.desks);
  for (const [deskId, status] of Object.entries(desks)) {
    deskStates.set(deskId, { ...deskStates.get(deskId)!, status: status!, ...(status !== 'closed' && { operatorId: `op-${deskId}` }) });
  }
  return {
    ...base,
    desks: deskStates,
    tickets: new Map(tickets.map((t, i) => [t.id, ticket(t, i)])),
    recentServiceMs: new Map(samples.length > 0 ? [['payments', samples]] : []),
  };
}

const HALL: InHall[] = [
  { id: 'w20', waited: 20 },
  { id: 'w10', waited: 10 },
  { id: 'w5', waited: 5 },
  { id: 'p3', waited: 3, kind: 'priority' },
  { id: 'p1', waited: 1, kind: 'priority' },
  { id: 'r8', waited: 8, kind: 'rejected' },
  { id: 'bDue', waited: 4, kind: 'booking', slot: -2 },
  { id: 'bEarlyDue', waited: 9, kind: 'booking', slot: -6 },
  { id: 'bLater', waited: 2, kind: 'booking', slot: 10 },
  { id: 'called', waited: 30, status: 'called' },
  { id: 'parked', waited: 30, status: 'postponed' },
  { id: 'meter', waited: 30, service: 'meters' },
];

describe('peopleAheadOf: the payment tickets the call policy takes first', () => {
  it.each<[string, string | undefined, number]>([
    ['a new ticket: everyone waiting for payments', undefined, 9],
    ['an unknown ticket id counts as new', 'ghost', 9],
    ['the first priority ticket', 'p3', 0],
    ['the second priority ticket', 'p1', 1],
    ['the earlier-slot due booking: behind the two priority tickets', 'bEarlyDue', 2],
    ['the later-slot due booking', 'bDue', 3],
    ['the longest-waiting walk-in: behind priority and due bookings', 'w20', 4],
    ['a walk-in of 10 minutes', 'w10', 5],
    ['a rejected priority ticket stands as a walk-in by its place', 'r8', 6],
    ['a walk-in of 5 minutes', 'w5', 7],
    ['a booking not yet due: as it will stand at its slot, after priority and the earlier-slot bookings', 'bLater', 4],
    ['a ticket already called: nobody ahead', 'called', 0],
    ['a postponed ticket: nobody ahead', 'parked', 0],
    ['the meter ticket: alone in its queue', 'meter', 0],
  ])('%s', (_label, ticketId, expected) => {
    const state = hall(HALL);
    const serviceId = ticketId === 'meter' ? 'meters' : 'payments';
    expect(peopleAheadOf(state, serviceId, now, ticketId)).toBe(expected);
  });
});

describe('estimateWait', () => {
  const threeWaiting: InHall[] = [
    { id: 'a', waited: 9 },
    { id: 'b', waited: 6 },
    { id: 'c', waited: 3 },
  ];
  it.each<[string, InHall[], Partial<Record<string, DeskStatus>>, number[], string | undefined, { peopleAhead: number; estimatedWaitMin: number | null; openDesks: number }]>([
    ['nobody waiting, a desk open', [], { d3: 'open' }, [], undefined, { peopleAhead: 0, estimatedWaitMin: 0, openDesks: 1 }],
    ['nobody waiting, no desk open', [], {}, [], undefined, { peopleAhead: 0, estimatedWaitMin: null, openDesks: 0 }],
    ['three ahead, one desk, norm 6 min', threeWaiting, { d3: 'open' }, [], undefined, { peopleAhead: 3, estimatedWaitMin: 18, openDesks: 1 }],
    ['three ahead, two desks: rounded up', threeWaiting, { d1: 'open', d3: 'open' }, [], undefined, { peopleAhead: 3, estimatedWaitMin: 9, openDesks: 2 }],
    ['three desks serve payments, one paused, one closed', threeWaiting, { d1: 'open', d2: 'paused' }, [], undefined, { peopleAhead: 3, estimatedWaitMin: 18, openDesks: 1 }],
    ['two samples are not enough: still the norm', threeWaiting, { d3: 'open' }, [MINUTE, MINUTE], undefined, { peopleAhead: 3, estimatedWaitMin: 18, openDesks: 1 }],
    ['three samples: their mean (2.5 min)', threeWaiting, { d3: 'open' }, [2 * MINUTE, 3 * MINUTE, 2.5 * MINUTE], undefined, { peopleAhead: 3, estimatedWaitMin: 8, openDesks: 1 }],
    ['for a ticket already in the queue: only those before it', threeWaiting, { d3: 'open' }, [], 'b', { peopleAhead: 1, estimatedWaitMin: 6, openDesks: 1 }],
    ['for the first in line', threeWaiting, { d3: 'open' }, [], 'a', { peopleAhead: 0, estimatedWaitMin: 0, openDesks: 1 }],
    ['a booking checked in 10 min early: first at its slot, so the wait is the time to the slot', [...threeWaiting, { id: 'early', waited: 1, kind: 'booking', slot: 10 }], { d3: 'open' }, [], 'early', { peopleAhead: 0, estimatedWaitMin: 10, openDesks: 1 }],
    ['a booking already due: no time to the slot is added', [...threeWaiting, { id: 'due', waited: 1, kind: 'booking', slot: -1 }], { d3: 'open' }, [], 'due', { peopleAhead: 0, estimatedWaitMin: 0, openDesks: 1 }],
  ])('%s', (_label, tickets, desks, samples, ticketId, expected) => {
    expect(estimateWait(hall(tickets, desks, samples), 'payments', now, ticketId)).toEqual(expected);
  });

  it('has no estimate for a service no desk serves', () => {
    expect(estimateWait(hall([], { d1: 'open', d2: 'open', d3: 'open' }), 'gas', now)).toEqual({ peopleAhead: 0, estimatedWaitMin: null, openDesks: 0 });
  });
});
