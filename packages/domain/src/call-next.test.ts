import { describe, expect, it } from 'vitest';
import { chooseNextTicket } from './call-next.js';
import { createQueueState } from './create-queue-state.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket, TicketKind } from './ticket.js';

const NOW = TUESDAY_10_00;

/**
 * One row a waiting ticket: number, service, kind, minutes waited, and optional extras.
 * Booking tickets give `slotIn` (minutes from now to the slot start; negative = slot started).
 */
interface Row {
  number: string;
  service: 'payments' | 'contracts' | 'meters';
  kind?: TicketKind;
  waited: number;
  slotIn?: number;
  target?: string;
  rejected?: boolean;
}

function hall(rows: Row[], desk: { id: string; priorityCallsInRow?: number }, edit?: Parameters<typeof testOffice>[0]): QueueState {
  const state = createQueueState(testOffice(edit), NOW - 60 * MINUTE);
  const tickets = new Map<string, Ticket>();
  for (const row of rows) {
    const kind = row.kind ?? 'walk-in';
    const slotStart = row.slotIn !== undefined ? NOW + row.slotIn * MINUTE : undefined;
    const issuedAt = NOW - row.waited * MINUTE;
    tickets.set(row.number, {
      id: row.number,
      number: row.number,
      serviceId: row.service,
      officeDay: '2026-11-24',
      kind,
      ...(kind === 'priority' && { categoryId: 'disabled', categoryCheck: row.rejected ? 'rejected' : 'pending' }),
      ...(slotStart !== undefined && { bookingId: `b-${row.number}`, bookingSlotStart: slotStart }),
      ...(row.target && { targetDeskId: row.target }),
      issuedAt,
      queuedAt: slotStart !== undefined && slotStart > issuedAt ? slotStart : issuedAt,
      status: 'waiting',
      recalls: 0,
    });
  }
  const desks = new Map(state.desks);
  desks.set(desk.id, { ...desks.get(desk.id)!, status: 'open', operatorId: 'op1', priorityCallsInRow: desk.priorityCallsInRow ?? 0 });
  return { ...state, tickets, desks };
}

const pick = (state: QueueState, deskId: string) => {
  const choice = chooseNextTicket(state, deskId, NOW);
  return choice ? `${choice.ticket.number} ${choice.reason}` : 'nobody';
};

describe('who is called next (standard 15 min, at most 3 priority calls in a row)', () => {
  it.each<[string, Row[], { id: string; priorityCallsInRow?: number }, string]>([
    ['nobody waits', [], { id: 'd1' }, 'nobody'],
    ['one walk-in', [{ number: 'A001', service: 'payments', waited: 2 }], { id: 'd1' }, 'A001 next-in-line'],
    ['a service the desk does not serve', [{ number: 'B001', service: 'contracts', waited: 30 }], { id: 'd1' }, 'nobody'],
    ['the longest wait among walk-ins', [
      { number: 'A002', service: 'payments', waited: 3 },
      { number: 'C001', service: 'meters', waited: 5 },
    ], { id: 'd1' }, 'C001 next-in-line'],
    ['priority before a longer-waiting walk-in', [
      { number: 'A001', service: 'payments', waited: 10 },
      { number: 'A002', service: 'payments', kind: 'priority', waited: 1 },
    ], { id: 'd1' }, 'A002 priority'],
    ['priority whose document was refused is a walk-in again', [
      { number: 'A001', service: 'payments', waited: 10 },
      { number: 'A002', service: 'payments', kind: 'priority', waited: 1, rejected: true },
    ], { id: 'd1' }, 'A001 next-in-line'],
    ['oldest of two priority tickets', [
      { number: 'A003', service: 'payments', kind: 'priority', waited: 2 },
      { number: 'C002', service: 'meters', kind: 'priority', waited: 4 },
    ], { id: 'd1' }, 'C002 priority'],
    ['a due booking before walk-ins', [
      { number: 'A001', service: 'payments', waited: 12 },
      { number: 'A005', service: 'payments', kind: 'booking', waited: 1, slotIn: -1 },
    ], { id: 'd1' }, 'A005 booking-due'],
    ['a booking not yet due waits like one who comes at the slot', [
      { number: 'A001', service: 'payments', waited: 2 },
      { number: 'A005', service: 'payments', kind: 'booking', waited: 8, slotIn: 5 },
    ], { id: 'd1' }, 'A001 next-in-line'],
    ['priority before a due booking', [
      { number: 'A005', service: 'payments', kind: 'booking', waited: 3, slotIn: -2 },
      { number: 'A006', service: 'payments', kind: 'priority', waited: 1 },
    ], { id: 'd1' }, 'A006 priority'],
    ['earliest slot first among due bookings', [
      { number: 'A007', service: 'payments', kind: 'booking', waited: 20, slotIn: -1 },
      { number: 'C003', service: 'meters', kind: 'booking', waited: 2, slotIn: -6 },
    ], { id: 'd1' }, 'C003 booking-due'],
    ['fairness cap: after 3 priority calls an overdue walk-in goes first', [
      { number: 'A001', service: 'payments', waited: 16 },
      { number: 'A009', service: 'payments', kind: 'priority', waited: 1 },
    ], { id: 'd1', priorityCallsInRow: 3 }, 'A001 fairness-cap'],
    ['fairness cap waits for someone past the standard', [
      { number: 'A001', service: 'payments', waited: 14 },
      { number: 'A009', service: 'payments', kind: 'priority', waited: 1 },
    ], { id: 'd1', priorityCallsInRow: 3 }, 'A009 priority'],
    ['under the cap priority still goes first', [
      { number: 'A001', service: 'payments', waited: 40 },
      { number: 'A009', service: 'payments', kind: 'priority', waited: 1 },
    ], { id: 'd1', priorityCallsInRow: 2 }, 'A009 priority'],
    ['sent to this desk comes before anyone', [
      { number: 'A009', service: 'payments', kind: 'priority', waited: 9 },
      { number: 'B004', service: 'contracts', waited: 3, target: 'd1' },
    ], { id: 'd1' }, 'B004 transferred-to-desk'],
    ['sent to another desk is never called here', [
      { number: 'A001', service: 'payments', waited: 30, target: 'd3' },
    ], { id: 'd1' }, 'nobody'],
    ['order desk: its first service while anyone waits for it', [
      { number: 'A001', service: 'payments', waited: 9 },
      { number: 'B001', service: 'contracts', waited: 1 },
    ], { id: 'd2' }, 'B001 next-in-line'],
    ['order desk: one still within the standard goes before one already past it', [
      { number: 'A001', service: 'payments', waited: 16 },
      { number: 'B001', service: 'contracts', waited: 1 },
    ], { id: 'd2' }, 'B001 next-in-line'],
    ['order desk: past the hard limit (30 min) its second service is lifted', [
      { number: 'A001', service: 'payments', waited: 31 },
      { number: 'B001', service: 'contracts', waited: 1 },
    ], { id: 'd2' }, 'A001 past-hard-limit'],
    ['order desk: the second service when the first has nobody', [
      { number: 'A001', service: 'payments', waited: 1 },
    ], { id: 'd2' }, 'A001 next-in-line'],
    ['ties go to whoever came first, then the lower number', [
      { number: 'A011', service: 'payments', waited: 5 },
      { number: 'A010', service: 'payments', waited: 5 },
    ], { id: 'd1' }, 'A010 next-in-line'],
    ['two overdue walk-ins: the longest wait', [
      { number: 'A001', service: 'payments', waited: 25 },
      { number: 'C001', service: 'meters', waited: 29 },
    ], { id: 'd1' }, 'C001 overdue-walk-in'],
  ])('%s', (_label, rows, desk, expected) => {
    expect(pick(hall(rows, desk), desk.id)).toBe(expected);
  });

  it.each<[string, number, string]>([
    ['equal weights: the longest wait', 1, 'A001 next-in-line'],
    ['meters weighted 3x: 4 min of meters beat 10 min of payments', 3, 'C001 next-in-line'],
  ])('weighted desk, %s', (_label, metersWeight, expected) => {
    const rows: Row[] = [
      { number: 'A001', service: 'payments', waited: 10 },
      { number: 'C001', service: 'meters', waited: 4 },
    ];
    const state = hall(rows, { id: 'd1' }, (setup) => {
      setup.desks[0]!.services[1]!.weight = metersWeight;
    });
    expect(pick(state, 'd1')).toBe(expected);
  });

  it('never calls a postponed, called or served ticket', () => {
    const state = hall([{ number: 'A001', service: 'payments', waited: 10 }], { id: 'd1' });
    const tickets = new Map(state.tickets);
    tickets.set('A001', { ...tickets.get('A001')!, status: 'postponed', deskId: 'd1' });
    expect(pick({ ...state, tickets }, 'd1')).toBe('nobody');
  });
});
