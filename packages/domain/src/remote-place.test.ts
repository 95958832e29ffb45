import { describe, expect, it } from 'vitest';
import { chooseNextTicket } from './call-next.js';
import { createQueueState } from './create-queue-state.js';
import type { QueueState } from './queue-state.js';
import { chooseNextCall } from './remote-place.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver } from './testing/queue-driver.js';
import type { Ticket, TicketKind } from './ticket.js';

const NOW = TUESDAY_10_00;

/**
 * One row a waiting ticket of desk 3's service (payments): number, minutes since its place was
 * taken, and for a place taken from home whether its visitor has arrived and whether it was
 * skipped once already.
 */
interface Row {
  number: string;
  waited: number;
  kind?: TicketKind;
  remote?: 'away' | 'here' | 'away, skipped once';
}

function hall(rows: Row[]): QueueState {
  const state = createQueueState(testOffice(), NOW - 60 * MINUTE);
  const tickets = new Map<string, Ticket>();
  for (const row of rows) {
    const at = NOW - row.waited * MINUTE;
    tickets.set(row.number, {
      id: row.number,
      number: row.number,
      serviceId: 'payments',
      officeDay: '2026-11-24',
      kind: row.kind ?? 'walk-in',
      ...(row.kind === 'priority' && { categoryId: 'disabled', categoryCheck: 'pending' as const }),
      issuedAt: at,
      queuedAt: at,
      status: 'waiting',
      recalls: 0,
      ...(row.remote && {
        remote: {
          code: `1000000000${row.number.slice(-2)}`,
          requestKey: `key-${row.number}`,
          ...(row.remote === 'here' && { arrivedAt: NOW - MINUTE }),
          ...(row.remote === 'away, skipped once' && { skippedAt: NOW - 5 * MINUTE }),
        },
      }),
    });
  }
  const desks = new Map(state.desks);
  desks.set('d3', { ...desks.get('d3')!, status: 'open', operatorId: 'op3', priorityCallsInRow: 0 });
  return { ...state, tickets, desks };
}

const outcome = (rows: Row[]) => {
  const { choice, passedOver } = chooseNextCall(hall(rows), 'd3', NOW);
  return [...passedOver.map((p) => `${p.ticket.number} ${p.outcome}`), choice ? `call ${choice.ticket.number}` : 'nobody'].join(', ');
};

describe('a place taken from home in the line (desk 3, payments)', () => {
  it.each<[string, Row[], string]>([
    ['no places from home: the policy as it is', [{ number: 'A001', waited: 8 }, { number: 'A002', waited: 3 }], 'call A001'],
    ['arrived, joined earliest: called by its join time', [{ number: 'A001', waited: 8 }, { number: 'A002', waited: 12, remote: 'here' }], 'call A002'],
    ['arrived, joined later: waits its turn', [{ number: 'A001', waited: 8 }, { number: 'A002', waited: 3, remote: 'here' }], 'call A001'],
    ['not arrived at its turn: skipped once, the next one called', [{ number: 'A001', waited: 8 }, { number: 'A002', waited: 12, remote: 'away' }], 'A002 skipped, call A001'],
    ['not arrived at its second turn: expires', [{ number: 'A001', waited: 8 }, { number: 'A002', waited: 12, remote: 'away, skipped once' }], 'A002 expired, call A001'],
    ['arrived after a skip: keeps its place and goes first', [{ number: 'A001', waited: 8 }, { number: 'A002', waited: 12, remote: 'here' }], 'call A002'],
    [
      'two not arrived, one skipped before: each passed over in turn',
      [{ number: 'A001', waited: 4 }, { number: 'A002', waited: 12, remote: 'away, skipped once' }, { number: 'A003', waited: 10, remote: 'away' }],
      'A002 expired, A003 skipped, call A001',
    ],
    ['not arrived, not its turn yet: untouched', [{ number: 'A001', waited: 8 }, { number: 'A002', waited: 3, remote: 'away' }], 'call A001'],
    ['not arrived and nobody else waits: no call, no skip', [{ number: 'A002', waited: 12, remote: 'away' }], 'nobody'],
    ['a priority visitor goes first; the place from home is not passed over', [{ number: 'A001', waited: 1, kind: 'priority' }, { number: 'A002', waited: 12, remote: 'away' }], 'call A001'],
    ['arrived and past the hard limit (30 min since joining): lifted like anyone', [{ number: 'A001', waited: 14 }, { number: 'A002', waited: 35, remote: 'here' }], 'call A002'],
  ])('%s', (_name, rows, expected) => {
    expect(outcome(rows)).toBe(expected);
  });

  it('is exactly the call policy in a hall without places from home', () => {
    const rows: Row[] = [{ number: 'A001', waited: 20 }, { number: 'A002', waited: 3, kind: 'priority' }, { number: 'A003', waited: 40 }];
    const state = hall(rows);
    expect(chooseNextCall(state, 'd3', NOW)).toEqual({ choice: chooseNextTicket(state, 'd3', NOW), passedOver: [] });
  });
});

describe('joining from home, arriving, skipped once then expired (through decide)', () => {
  const office = () =>
    testOffice((s) => {
      s.services[0]!.remoteQueue = { maxWaiting: 2, cutOffMinutes: 60 };
    });
  const join = (d: ReturnType<typeof queueDriver>, n: number, serviceId = 'payments') =>
    d.run({ type: 'ticket.join-remote', ticketId: `r${n}`, serviceId, code: `20000000000${n}`, requestKey: `k${n}` });
  const refusal = (decision: ReturnType<ReturnType<typeof queueDriver>['run']>) => (decision.ok ? 'ok' : decision.error.code);

  it.each<[string, (d: ReturnType<typeof queueDriver>) => string, string]>([
    ['a service that takes places from home', (d) => refusal(join(d, 1)), 'ok'],
    ['a service that does not', (d) => refusal(join(d, 1, 'contracts')), 'remote-not-offered'],
    ['the same request again', (d) => (join(d, 1), refusal(d.run({ type: 'ticket.join-remote', ticketId: 'r9', serviceId: 'payments', code: '209999999999', requestKey: 'k1' }))), 'remote-duplicate'],
    ['over the cap of 2 waiting', (d) => (join(d, 1), join(d, 2), refusal(join(d, 3))), 'remote-full'],
    ['within the cut-off (16:05, closing 17:00, cut-off 60 min)', (d) => (d.advance(6 * 60 * MINUTE + 5 * MINUTE), refusal(join(d, 1))), 'remote-cut-off'],
    ['before opening', (d) => (d.advance(-3 * 60 * MINUTE), refusal(join(d, 1))), 'office-closed'],
  ])('%s: %s', (_name, act, expected) => {
    expect(act(queueDriver(office(), NOW))).toBe(expected);
  });

  it('takes a number of the service, confirms arrival by the kiosk code, and calls the visitor in their place', () => {
    const d = queueDriver(office(), NOW);
    d.must({ type: 'desk.open', deskId: 'd3', operatorId: 'op3' });
    expect(refusal(join(d, 1))).toBe('ok');
    d.advance(MINUTE);
    d.must({ type: 'ticket.issue', ticketId: 'w1', serviceId: 'payments' });
    expect(d.state.tickets.get('r1')).toMatchObject({ number: 'A001', remote: { code: '200000000001' } });
    expect(d.must({ type: 'booking.check-in', ticketId: 'unused', code: '200000000001' })).toMatchObject([{ type: 'ticket.arrived', ticketId: 'r1', via: 'kiosk' }]);
    expect(refusal(d.run({ type: 'booking.check-in', ticketId: 'unused', code: '200000000001' }))).toBe('remote-already-arrived');
    expect(d.must({ type: 'ticket.call-next', deskId: 'd3' })).toMatchObject([{ type: 'ticket.called', ticketId: 'r1' }]);
  });

  it('skips a place whose visitor is away once, then lets it expire; an operator cannot call it by hand', () => {
    const d = queueDriver(office(), NOW);
    d.must({ type: 'desk.open', deskId: 'd3', operatorId: 'op3' });
    join(d, 1);
    d.advance(MINUTE);
    d.must({ type: 'ticket.issue', ticketId: 'w1', serviceId: 'payments' });
    d.must({ type: 'ticket.issue', ticketId: 'w2', serviceId: 'payments' });
    expect(refusal(d.run({ type: 'ticket.call', deskId: 'd3', ticketId: 'r1' }))).toBe('remote-not-arrived');
    expect(d.must({ type: 'ticket.call-next', deskId: 'd3' }).map((e) => e.type)).toEqual(['ticket.remote-skipped', 'ticket.called']);
    expect(d.state.tickets.get('r1')?.remote?.skippedAt).toBe(d.now);
    d.must({ type: 'ticket.start', deskId: 'd3' });
    d.must({ type: 'ticket.finish', deskId: 'd3', outcomeId: 'paid' });
    expect(d.must({ type: 'ticket.call-next', deskId: 'd3' })).toMatchObject([
      { type: 'ticket.cancelled', ticketId: 'r1', reason: 'remote-not-arrived' },
      { type: 'ticket.called', ticketId: 'w2' },
    ]);
    expect(d.state.tickets.has('r1')).toBe(false);
  });

  it('confirms arrival from the phone once the office has checked where it is', () => {
    const d = queueDriver(office(), NOW);
    join(d, 1);
    expect(d.must({ type: 'ticket.arrive', ticketId: 'r1' })).toMatchObject([{ type: 'ticket.arrived', via: 'phone' }]);
    d.must({ type: 'ticket.issue', ticketId: 'w1', serviceId: 'payments' });
    expect(refusal(d.run({ type: 'ticket.arrive', ticketId: 'w1' }))).toBe('unknown-ticket');
  });
});
