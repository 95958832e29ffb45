import { describe, expect, it } from 'vitest';
import { createQueueState, replaceSetup } from './create-queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver } from './testing/queue-driver.js';

describe('createQueueState', () => {
  it('opens the day with every desk closed and nobody waiting', () => {
    const state = createQueueState(testOffice(), TUESDAY_10_00);
    expect([...state.desks.values()]).toEqual(
      ['d1', 'd2', 'd3'].map((deskId) => ({ deskId, status: 'closed', statusSince: TUESDAY_10_00, priorityCallsInRow: 0, lastFinishedRated: false })),
    );
    expect([state.tickets.size, state.bookings.size, state.lastNumbers.size, state.recentServiceMs.size]).toEqual([0, 0, 0, 0]);
  });
});

describe('replaceSetup: live edits from the admin screen', () => {
  const office = () => {
    const q = queueDriver(testOffice(), TUESDAY_10_00);
    q.must({ type: 'desk.open', deskId: 'd1', operatorId: 'op1' });
    return q;
  };

  it('adds a new desk, closed', () => {
    const q = office();
    const setup = testOffice((s) => s.desks.push({ id: 'd4', number: 4, name: 'Окно 4', servicePolicy: 'order', services: [{ serviceId: 'meters', weight: 1 }] }));
    const state = replaceSetup(q.state, setup, TUESDAY_10_00 + MINUTE);
    expect(state.desks.get('d4')).toEqual({ deskId: 'd4', status: 'closed', statusSince: TUESDAY_10_00 + MINUTE, priorityCallsInRow: 0, lastFinishedRated: false });
    expect(state.desks.get('d1')).toBe(q.state.desks.get('d1'));
    expect(state.setup).toBe(setup);
  });

  it('drops a removed desk at once when it is closed, and its transferred visitors rejoin their queue', () => {
    const q = office();
    q.issue('payments');
    q.must({ type: 'ticket.call-next', deskId: 'd1' });
    q.must({ type: 'ticket.transfer', deskId: 'd1', toDeskId: 'd3' });
    const state = replaceSetup(q.state, testOffice((s) => (s.desks = s.desks.filter((d) => d.id !== 'd3'))));
    expect(state.desks.has('d3')).toBe(false);
    expect(state.tickets.get('t1')).toMatchObject({ status: 'waiting', queuedAt: TUESDAY_10_00 });
    expect(state.tickets.get('t1')!.targetDeskId).toBeUndefined();
    expect(q.state.tickets.get('t1')!.targetDeskId).toBe('d3');
  });

  it('keeps a removed desk while it is open, so the visitor at it is not dropped; it goes when closed', () => {
    const q = office();
    q.issue('payments');
    q.issue('payments');
    q.must({ type: 'ticket.call-next', deskId: 'd1' });
    q.state = replaceSetup(q.state, testOffice((s) => (s.desks = s.desks.filter((d) => d.id !== 'd1'))));
    expect(q.state.desks.get('d1')).toMatchObject({ status: 'open', currentTicketId: 't1' });
    q.must({ type: 'ticket.start', deskId: 'd1' });
    q.must({ type: 'ticket.finish', deskId: 'd1' });
    // It serves nothing new any more.
    expect(q.run({ type: 'ticket.call-next', deskId: 'd1' })).toMatchObject({ ok: false, error: { code: 'nothing-waiting' } });
    q.must({ type: 'desk.close', deskId: 'd1' });
    expect(q.state.desks.has('d1')).toBe(false);
    expect(q.run({ type: 'desk.open', deskId: 'd1', operatorId: 'op1' })).toMatchObject({ ok: false, error: { code: 'unknown-desk' } });
  });

  it('keeps the tickets of a removed service waiting, and issues no more of them', () => {
    const q = office();
    q.issue('meters');
    q.state = replaceSetup(q.state, testOffice((s) => (s.services = s.services.filter((x) => x.id !== 'meters'))));
    expect(q.state.tickets.get('t1')).toMatchObject({ status: 'waiting', serviceId: 'meters' });
    expect(q.run({ type: 'ticket.issue', ticketId: 'n', serviceId: 'meters' })).toMatchObject({ ok: false, error: { code: 'unknown-service' } });
    expect(q.run({ type: 'ticket.cancel', ticketId: 't1', reason: 'service withdrawn' }).ok).toBe(true);
  });

  it('follows a desk\'s new list of services at the next call', () => {
    const q = office();
    q.issue('contracts');
    expect(q.run({ type: 'ticket.call-next', deskId: 'd1' })).toMatchObject({ ok: false, error: { code: 'nothing-waiting' } });
    q.state = replaceSetup(q.state, testOffice((s) => s.desks[0]!.services.push({ serviceId: 'contracts', weight: 1 })));
    expect(q.must({ type: 'ticket.call-next', deskId: 'd1' })[0]).toMatchObject({ ticketId: 't1', reason: 'next-in-line' });
  });

  it('never changes the state it is given', () => {
    const q = office();
    q.issue('payments');
    const before = structuredClone(q.state);
    replaceSetup(q.state, testOffice((s) => (s.desks = [])));
    expect(q.state).toEqual(before);
  });
});
