import { describe, expect, it } from 'vitest';
import { chooseNextTicket } from './call-next.js';
import { createQueueState } from './create-queue-state.js';
import type { TicketCallReason } from './events.js';
import type { DeskDefinition } from './office-setup.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket } from './ticket.js';

/*
 * The call policy as tables. Every row: the desk under test (d1: its services, their order or
 * weights, and how many priority/booking calls it has made in a row), the tickets in the hall,
 * and whom d1 calls next and why. The office's standard wait is 15 minutes; the fairness cap is
 * 3 priority/booking calls in a row. Letters: A = payments, B = contracts, C = meter readings.
 */

const now = TUESDAY_10_00;

function desk(id: string, number: number, servicePolicy: 'order' | 'weighted', services: [string, number][]): DeskDefinition {
  return { id, number, name: `Окно ${number}`, servicePolicy, services: services.map(([serviceId, weight]) => ({ serviceId, weight })) };
}
const SERVICE_OF: Record<string, string> = { A: 'payments', B: 'contracts', C: 'meters' };

/** d1 as a table row describes it. */
const ORDER_A_C = desk('d1', 1, 'order', [['payments', 1], ['meters', 1]]);
const ORDER_C_A = desk('d1', 1, 'order', [['meters', 1], ['payments', 1]]);
const WEIGHTED_A1_C3 = desk('d1', 1, 'weighted', [['payments', 1], ['meters', 3]]);
const ONLY_A = desk('d1', 1, 'order', [['payments', 1]]);

interface InHall {
  /** The number; its letter gives the service. */
  n: string;
  /** Minutes since queuedAt (its place in the queue). */
  waited?: number;
  kind?: 'walk-in' | 'priority' | 'confirmed' | 'rejected' | 'booking';
  /** Booking slot start in minutes from now: -5 = started five minutes ago, +10 = in ten. */
  slot?: number;
  /** Transferred to this desk. */
  to?: string;
  status?: Ticket['status'];
  /** Minutes since issue, when it differs from `waited` (a transfer that kept its place). */
  issued?: number;
  id?: string;
}

function ticket(spec: InHall): Ticket {
  const letter = spec.n.charAt(0);
  const kind = spec.kind ?? 'walk-in';
  const slotStart = spec.slot !== undefined ? now + spec.slot * MINUTE : undefined;
  // A booking checked in before its slot holds its place from the slot start.
  const queuedAt = spec.waited !== undefined ? now - spec.waited * MINUTE : (slotStart ?? now);
  return {
    id: spec.id ?? spec.n,
    number: spec.n,
    serviceId: SERVICE_OF[letter] ?? 'payments',
    officeDay: '2026-11-24',
    kind: kind === 'booking' ? 'booking' : kind === 'walk-in' || kind === 'rejected' ? 'walk-in' : 'priority',
    ...(kind === 'priority' && { categoryId: 'disabled', categoryCheck: 'pending' as const }),
    ...(kind === 'confirmed' && { categoryId: 'veteran', categoryCheck: 'confirmed' as const }),
    ...(kind === 'rejected' && { categoryId: 'svo', categoryCheck: 'rejected' as const }),
    ...(slotStart !== undefined && { bookingId: `bk-${spec.n}`, bookingSlotStart: slotStart }),
    issuedAt: spec.issued !== undefined ? now - spec.issued * MINUTE : queuedAt,
    queuedAt,
    status: spec.status ?? 'waiting',
    ...(spec.status && spec.status !== 'waiting' && { deskId: 'd2' }),
    ...(spec.to !== undefined && { targetDeskId: spec.to }),
    recalls: 0,
  };
}

function hall(d1: DeskDefinition, run: number, tickets: InHall[]): QueueState {
  const setup = testOffice((s) => {
    s.desks = [d1, desk('d2', 2, 'order', [['payments', 1], ['meters', 1]]), desk('d3', 3, 'order', [['contracts', 1]])];
  });
  const base = createQueueState(setup, now - 60 * MINUTE);
  const desks = new Map(base.desks);
  desks.set('d1', { deskId: 'd1', status: 'open', operatorId: 'op1', statusSince: now - 60 * MINUTE, priorityCallsInRow: run, lastFinishedRated: false });
  return { ...base, desks, tickets: new Map(tickets.map((t) => [t.id ?? t.n, ticket(t)])) };
}

interface Row {
  case: string;
  desk: DeskDefinition;
  run?: number;
  waiting: InHall[];
  calls: string | undefined;
  reason?: TicketCallReason;
}

function check(rows: Row[]) {
  it.each(rows)('$case', (row) => {
    const choice = chooseNextTicket(hall(row.desk, row.run ?? 0, row.waiting), 'd1', now);
    expect(choice?.ticket.id).toBe(row.calls);
    if (row.calls !== undefined) expect(choice?.reason).toBe(row.reason);
  });
}

describe('chooseNextTicket: the desk service policy (tier 7)', () => {
  check([
    { case: 'one walk-in', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 3 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'nobody waiting', desk: ORDER_A_C, waiting: [], calls: undefined },
    { case: 'oldest of one service first', desk: ORDER_A_C, waiting: [{ n: 'A002', waited: 3 }, { n: 'A001', waited: 8 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'order: first listed service wins over a longer wait', desk: ORDER_A_C, waiting: [{ n: 'C001', waited: 9 }, { n: 'A001', waited: 2 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'order: the other way round', desk: ORDER_C_A, waiting: [{ n: 'C001', waited: 2 }, { n: 'A001', waited: 9 }], calls: 'C001', reason: 'next-in-line' },
    { case: 'order: falls to the next service when the first is empty', desk: ORDER_A_C, waiting: [{ n: 'C001', waited: 1 }], calls: 'C001', reason: 'next-in-line' },
    { case: 'a service the desk does not serve is not its business', desk: ORDER_A_C, waiting: [{ n: 'B001', waited: 14 }], calls: undefined },
    { case: 'weighted: 4 min x 3 beats 9 min x 1', desk: WEIGHTED_A1_C3, waiting: [{ n: 'A001', waited: 9 }, { n: 'C001', waited: 4 }], calls: 'C001', reason: 'next-in-line' },
    { case: 'weighted: 8 min x 1 beats 2 min x 3', desk: WEIGHTED_A1_C3, waiting: [{ n: 'A001', waited: 8 }, { n: 'C001', waited: 2 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'weighted: equal scores (6x1 = 2x3) go to the earlier place', desk: WEIGHTED_A1_C3, waiting: [{ n: 'C001', waited: 2 }, { n: 'A001', waited: 6 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'a walk-in exactly at the standard (15 min) is not yet overdue: about to be late, first', desk: ORDER_C_A, waiting: [{ n: 'A001', waited: 15 }, { n: 'C001', waited: 1 }], calls: 'A001', reason: 'next-in-line' },
  ]);
});

describe('chooseNextTicket: about to be late, then within the standard, then the late (tiers 6, 7 and 8)', () => {
  check([
    { case: 'order: a walk-in still within the standard goes before one already past it', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 2 }, { n: 'C001', waited: 16 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'order: the desk order holds among those within the standard', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 2 }, { n: 'C001', waited: 10 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'order: one in the standard\'s last 5 minutes goes before the desk order', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 2 }, { n: 'C001', waited: 11 }], calls: 'C001', reason: 'next-in-line' },
    { case: 'about to be late: the oldest of them, whatever the desk order', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 12 }, { n: 'C001', waited: 14 }], calls: 'C001', reason: 'next-in-line' },
    { case: 'about to be late still comes after a due booking', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 14 }, { n: 'C001', slot: -1, kind: 'booking' }], calls: 'C001', reason: 'booking-due' },
    { case: 'about to be late goes before a late walk-in', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 20 }, { n: 'C001', waited: 14 }], calls: 'C001', reason: 'next-in-line' },
    { case: 'weighted: about to be late goes before a bigger wait x weight', desk: WEIGHTED_A1_C3, waiting: [{ n: 'A001', waited: 11 }, { n: 'C001', waited: 9 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'weighted: within the standard beats a longer, late wait', desk: WEIGHTED_A1_C3, waiting: [{ n: 'A001', waited: 16 }, { n: 'C001', waited: 10 }], calls: 'C001', reason: 'next-in-line' },
    { case: 'nobody within the standard: the longest late wait, whatever the service', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 20 }, { n: 'C001', waited: 28 }], calls: 'C001', reason: 'overdue-walk-in' },
    { case: 'a rejected priority ticket is a plain walk-in', desk: ORDER_A_C, waiting: [{ n: 'A002', waited: 16, kind: 'rejected' }, { n: 'A001', waited: 20 }], calls: 'A001', reason: 'overdue-walk-in' },
  ]);
});

describe('chooseNextTicket: past the hard limit (30 min, tier 4)', () => {
  check([
    { case: 'a walk-in past the hard limit goes before one within the standard', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 1 }, { n: 'C001', waited: 31 }], calls: 'C001', reason: 'past-hard-limit' },
    { case: 'exactly at the hard limit is not past it', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 1 }, { n: 'C001', waited: 30 }], calls: 'A001', reason: 'next-in-line' },
    { case: 'priority still goes before someone past the hard limit', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 50 }, { n: 'C002', waited: 1, kind: 'priority' }], calls: 'C002', reason: 'priority' },
    { case: 'past the hard limit goes before a due booking', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 50 }, { n: 'C001', slot: -1, kind: 'booking' }], calls: 'A001', reason: 'past-hard-limit' },
    { case: 'a booking past the hard limit since its slot is lifted too', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 35 }, { n: 'C001', waited: 40, slot: -40, kind: 'booking' }], calls: 'C001', reason: 'past-hard-limit' },
    { case: 'two past it: the longer first', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 50 }, { n: 'C001', waited: 60 }], calls: 'C001', reason: 'past-hard-limit' },
    { case: 'a transfer to this desk still comes first', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 60 }, { n: 'A002', waited: 1, to: 'd1' }], calls: 'A002', reason: 'transferred-to-desk' },
    { case: 'past it at a service this desk does not serve: not its business', desk: ONLY_A, waiting: [{ n: 'C001', waited: 60 }, { n: 'A001', waited: 1 }], calls: 'A001', reason: 'next-in-line' },
  ]);
});

describe('chooseNextTicket: priority categories (tier 3)', () => {
  check([
    { case: 'priority before a longer-waiting walk-in', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 14 }, { n: 'A002', waited: 1, kind: 'priority' }], calls: 'A002', reason: 'priority' },
    { case: 'priority before an overdue walk-in (below the cap)', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 40 }, { n: 'C002', waited: 1, kind: 'priority' }], calls: 'C002', reason: 'priority' },
    { case: 'priority of the second listed service still comes first', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 5 }, { n: 'C001', waited: 1, kind: 'priority' }], calls: 'C001', reason: 'priority' },
    { case: 'two priority tickets: the earlier first', desk: ORDER_A_C, waiting: [{ n: 'A003', waited: 2, kind: 'priority' }, { n: 'C002', waited: 4, kind: 'confirmed' }], calls: 'C002', reason: 'priority' },
    { case: 'a pending document check still counts as priority', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 9 }, { n: 'A002', waited: 0, kind: 'priority' }], calls: 'A002', reason: 'priority' },
    { case: 'a rejected document does not', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 9 }, { n: 'A002', waited: 0, kind: 'rejected' }], calls: 'A001', reason: 'next-in-line' },
    { case: 'priority of a service the desk does not serve waits for its own desk', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 1 }, { n: 'B001', waited: 9, kind: 'priority' }], calls: 'A001', reason: 'next-in-line' },
    { case: 'priority before a due booking', desk: ORDER_A_C, waiting: [{ n: 'A001', slot: -5, kind: 'booking' }, { n: 'A002', waited: 1, kind: 'priority' }], calls: 'A002', reason: 'priority' },
  ]);
});

describe('chooseNextTicket: bookings (tier 4)', () => {
  check([
    { case: 'a due booking before a walk-in who waited longer', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 10 }, { n: 'A002', slot: -2, kind: 'booking' }], calls: 'A002', reason: 'booking-due' },
    { case: 'a booking due this very minute', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 10 }, { n: 'A002', slot: 0, kind: 'booking' }], calls: 'A002', reason: 'booking-due' },
    { case: 'a due booking before an overdue walk-in (below the cap)', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 25 }, { n: 'C001', slot: -1, kind: 'booking' }], calls: 'C001', reason: 'booking-due' },
    { case: 'earliest slot first, even if checked in later', desk: ORDER_A_C, waiting: [{ n: 'A002', slot: -5, kind: 'booking' }, { n: 'A003', slot: -10, waited: 3, kind: 'booking' }], calls: 'A003', reason: 'booking-due' },
    { case: 'a booking checked in early is not due before its slot: a walk-in goes first', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 1 }, { n: 'A002', slot: 5, kind: 'booking' }], calls: 'A001', reason: 'next-in-line' },
    { case: 'an early booking alone in the hall may be called as next in line', desk: ORDER_A_C, waiting: [{ n: 'A002', slot: 5, kind: 'booking' }], calls: 'A002', reason: 'next-in-line' },
    { case: 'weighted: a booking not yet due ranks as a walk-in arriving at its slot', desk: WEIGHTED_A1_C3, waiting: [{ n: 'C002', slot: 3, kind: 'booking' }, { n: 'A001', waited: 1 }], calls: 'A001', reason: 'next-in-line' },
  ]);
});

describe('chooseNextTicket: the fairness cap (tier 2)', () => {
  check([
    { case: 'after 3 priority calls in a row an overdue walk-in is lifted', desk: ORDER_A_C, run: 3, waiting: [{ n: 'A001', waited: 20 }, { n: 'A002', waited: 2, kind: 'priority' }], calls: 'A001', reason: 'fairness-cap' },
    { case: 'after 2 the priority ticket still goes first', desk: ORDER_A_C, run: 2, waiting: [{ n: 'A001', waited: 20 }, { n: 'A002', waited: 2, kind: 'priority' }], calls: 'A002', reason: 'priority' },
    { case: 'the cap lifts only walk-ins past the standard', desk: ORDER_A_C, run: 3, waiting: [{ n: 'A001', waited: 10 }, { n: 'A002', waited: 2, kind: 'priority' }], calls: 'A002', reason: 'priority' },
    { case: 'longest-waiting overdue walk-in, whatever the service order', desk: ORDER_A_C, run: 3, waiting: [{ n: 'A001', waited: 18 }, { n: 'C001', waited: 25 }, { n: 'A002', waited: 2, kind: 'priority' }], calls: 'C001', reason: 'fairness-cap' },
    { case: 'past the cap too (run of 5)', desk: ORDER_A_C, run: 5, waiting: [{ n: 'A001', waited: 16 }, { n: 'A002', waited: 9, kind: 'priority' }], calls: 'A001', reason: 'fairness-cap' },
    { case: 'bookings count towards the run as well', desk: ORDER_A_C, run: 3, waiting: [{ n: 'A001', waited: 16 }, { n: 'A002', slot: -1, kind: 'booking' }], calls: 'A001', reason: 'fairness-cap' },
    { case: 'a rejected priority ticket is a walk-in the cap lifts', desk: ORDER_A_C, run: 3, waiting: [{ n: 'A001', waited: 16, kind: 'rejected' }, { n: 'A002', waited: 1, kind: 'priority' }], calls: 'A001', reason: 'fairness-cap' },
    { case: 'an overdue walk-in of a service this desk does not serve is not lifted here', desk: ONLY_A, run: 3, waiting: [{ n: 'C001', waited: 40 }, { n: 'A002', waited: 1, kind: 'priority' }], calls: 'A002', reason: 'priority' },
    { case: 'with nobody jumping the queue, the overdue walk-in is still "fairness"', desk: ORDER_A_C, run: 3, waiting: [{ n: 'C001', waited: 16 }, { n: 'A001', waited: 2 }], calls: 'C001', reason: 'fairness-cap' },
  ]);
});

describe('chooseNextTicket: tickets transferred to a desk (tier 1)', () => {
  check([
    { case: 'a ticket sent to this desk comes before priority', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 1, to: 'd1' }, { n: 'A002', waited: 10, kind: 'priority' }], calls: 'A001', reason: 'transferred-to-desk' },
    { case: 'even of a service this desk does not otherwise serve', desk: ORDER_A_C, waiting: [{ n: 'B001', waited: 1, to: 'd1' }, { n: 'A001', waited: 10 }], calls: 'B001', reason: 'transferred-to-desk' },
    { case: 'and before the fairness cap', desk: ORDER_A_C, run: 3, waiting: [{ n: 'A001', waited: 30 }, { n: 'C001', waited: 1, to: 'd1' }], calls: 'C001', reason: 'transferred-to-desk' },
    { case: 'two sent here: the earlier place first', desk: ORDER_A_C, waiting: [{ n: 'C001', waited: 3, to: 'd1' }, { n: 'A001', waited: 7, to: 'd1' }], calls: 'A001', reason: 'transferred-to-desk' },
    { case: 'a ticket sent to another desk is never called here', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 40, to: 'd2' }, { n: 'A002', waited: 1 }], calls: 'A002', reason: 'next-in-line' },
    { case: 'not even when nobody else waits', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 40, kind: 'priority', to: 'd2' }], calls: undefined },
  ]);
});

describe('chooseNextTicket: who is never a candidate', () => {
  check([
    { case: 'a postponed ticket is never called automatically', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 30, status: 'postponed' }], calls: undefined },
    { case: 'a ticket called to another desk', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 30, status: 'called' }, { n: 'A002', waited: 1 }], calls: 'A002', reason: 'next-in-line' },
    { case: 'a ticket in service elsewhere', desk: ORDER_A_C, waiting: [{ n: 'A001', waited: 30, status: 'serving' }], calls: undefined },
  ]);
});

describe('chooseNextTicket: ties are broken the same way every time', () => {
  check([
    { case: 'same place: the earlier issued (a transfer that kept its place)', desk: ORDER_A_C, waiting: [{ n: 'A007', waited: 5, issued: 5 }, { n: 'A003', waited: 5, issued: 9 }], calls: 'A003', reason: 'next-in-line' },
    { case: 'same place and issue: the lower number (A999 before A1000)', desk: ORDER_A_C, waiting: [{ n: 'A1000', waited: 5 }, { n: 'A999', waited: 5 }], calls: 'A999', reason: 'next-in-line' },
    { case: 'same place, issue and number (two days): the id', desk: ORDER_A_C, waiting: [{ n: 'A001', id: 't-b', waited: 5 }, { n: 'A001', id: 't-a', waited: 5 }], calls: 't-a', reason: 'next-in-line' },
    { case: 'two priorities at the same minute: the lower number', desk: ORDER_A_C, waiting: [{ n: 'C002', waited: 3, kind: 'priority' }, { n: 'A005', waited: 3, kind: 'priority' }], calls: 'A005', reason: 'priority' },
    { case: 'two due bookings in the same slot: the earlier check-in', desk: ORDER_A_C, waiting: [{ n: 'A002', slot: -5, waited: 2, kind: 'booking' }, { n: 'A003', slot: -5, waited: 4, kind: 'booking' }], calls: 'A003', reason: 'booking-due' },
  ]);
  it('does not depend on the order tickets sit in the state', () => {
    const tickets: InHall[] = [
      { n: 'A001', waited: 5 },
      { n: 'A002', waited: 5 },
      { n: 'C001', waited: 5 },
      { n: 'A003', waited: 5, kind: 'priority' },
      { n: 'A004', waited: 5, kind: 'priority' },
    ];
    const picks = new Set<string | undefined>();
    for (let shift = 0; shift < tickets.length; shift += 1) {
      const rotated = [...tickets.slice(shift), ...tickets.slice(0, shift)];
      picks.add(chooseNextTicket(hall(ORDER_A_C, 0, rotated), 'd1', now)?.ticket.id);
      picks.add(chooseNextTicket(hall(ORDER_A_C, 0, rotated.reverse()), 'd1', now)?.ticket.id);
    }
    expect([...picks]).toEqual(['A003']);
  });
});

describe('chooseNextTicket: odd desks', () => {
  it('an unknown desk calls nobody', () => {
    expect(chooseNextTicket(hall(ORDER_A_C, 0, [{ n: 'A001', waited: 1 }]), 'd9', now)).toBeUndefined();
  });
  it('a desk removed from the config while open still takes tickets sent to it, and nothing else', () => {
    const state = hall(ORDER_A_C, 0, [{ n: 'A001', waited: 9 }, { n: 'A002', waited: 1, to: 'd1' }]);
    const removed = { ...state, setup: { ...state.setup, desks: state.setup.desks.filter((d) => d.id !== 'd1') } };
    expect(chooseNextTicket(removed, 'd1', now)?.ticket.id).toBe('A002');
    const onlyUntargeted = { ...removed, tickets: new Map([...removed.tickets].filter(([id]) => id !== 'A002')) };
    expect(chooseNextTicket(onlyUntargeted, 'd1', now)).toBeUndefined();
  });
});

describe('the worked example in docs/call-policy.md', () => {
  // Desk 1 serves payments then meter readings, in that order; standard 15 min; cap 3.
  // At 10:00 the hall holds, by minutes waited:
  const hallAt10: InHall[] = [
    { n: 'A014', waited: 18 },
    { n: 'C007', waited: 12 },
    { n: 'A015', waited: 9 },
    { n: 'A016', waited: 6, kind: 'priority' },
    { n: 'C008', waited: 5, kind: 'priority' },
    { n: 'A017', slot: -2, kind: 'booking' },
    { n: 'C009', waited: 4, kind: 'priority' },
    { n: 'A018', waited: 1, to: 'd1' },
  ];
  it('calls them in the order the page shows, one call a minute apart in a frozen hall', () => {
    let state = hall(ORDER_A_C, 0, hallAt10);
    const calls: string[] = [];
    for (let i = 0; i < hallAt10.length; i += 1) {
      const choice = chooseNextTicket(state, 'd1', now);
      if (!choice) break;
      calls.push(`${choice.ticket.number} ${choice.reason}`);
      const tickets = new Map(state.tickets);
      tickets.delete(choice.ticket.id);
      const d1 = state.desks.get('d1')!;
      const jumped = choice.reason === 'priority' || choice.reason === 'booking-due';
      const desks = new Map(state.desks);
      desks.set('d1', { ...d1, priorityCallsInRow: jumped ? d1.priorityCallsInRow + 1 : 0 });
      state = { ...state, tickets, desks };
    }
    expect(calls).toEqual([
      'A018 transferred-to-desk',
      'A016 priority',
      'C008 priority',
      'C009 priority',
      'A014 fairness-cap',
      'A017 booking-due',
      'C007 next-in-line',
      'A015 next-in-line',
    ]);
  });
});
