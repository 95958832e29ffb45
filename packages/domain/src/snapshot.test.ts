import { describe, expect, it } from 'vitest';
import { fromSnapshot, toSnapshot, type QueueSnapshot } from './snapshot.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver } from './testing/queue-driver.js';

/** A busy moment: every ticket state, a pending booking, measured service times, desk states. */
function busyOffice() {
  const q = queueDriver(testOffice(), TUESDAY_10_00);
  q.must({ type: 'desk.open', deskId: 'd1', operatorId: 'op1' });
  q.must({ type: 'desk.open', deskId: 'd2', operatorId: 'op2' });
  q.must({ type: 'desk.open', deskId: 'd3', operatorId: 'op3' });
  q.must({ type: 'booking.create', bookingId: 'b1', code: 'AB12', serviceId: 'contracts', slotStart: TUESDAY_10_00 + 60 * MINUTE, slotMinutes: 30, source: 'central', customerName: 'Петрова' });
  for (let i = 0; i < 3; i += 1) {
    q.issue('payments');
    q.must({ type: 'ticket.call-next', deskId: 'd3' });
    q.must({ type: 'ticket.start', deskId: 'd3' });
    q.advance(4 * MINUTE);
    q.must({ type: 'ticket.finish', deskId: 'd3' });
  }
  q.issue('payments', { categoryId: 'svo', accountNumber: '12-345' });
  q.issue('meters');
  q.issue('contracts');
  q.issue('payments');
  q.must({ type: 'ticket.call-next', deskId: 'd1' }); // the priority payment: serving at d1
  q.must({ type: 'ticket.start', deskId: 'd1' });
  q.must({ type: 'ticket.call-next', deskId: 'd2' }); // contracts: sent on to d1, waiting
  q.must({ type: 'ticket.transfer', deskId: 'd2', toDeskId: 'd1', comment: 'к старшему' });
  q.must({ type: 'desk.pause', deskId: 'd2', reason: 'paperwork' });
  q.must({ type: 'ticket.call-next', deskId: 'd3' }); // the last payment: postponed at d3
  q.must({ type: 'ticket.postpone', deskId: 'd3' });
  return q;
}

describe('snapshots', () => {
  it('round-trips the live queue through JSON', () => {
    const q = busyOffice();
    expect(new Set([...q.state.tickets.values()].map((t) => t.status))).toEqual(new Set(['serving', 'waiting', 'postponed']));
    const snapshot = toSnapshot(q.state);
    const json = JSON.parse(JSON.stringify(snapshot)) as QueueSnapshot;
    expect(json).toEqual(snapshot);
    const restored = fromSnapshot(json, q.state.setup);
    expect(restored).toEqual(q.state);
    expect(toSnapshot(restored)).toEqual(snapshot);
  });

  it('holds no setup, only the live queue', () => {
    const snapshot = toSnapshot(busyOffice().state);
    expect(Object.keys(snapshot).sort()).toEqual(['bookings', 'desks', 'lastNumbers', 'recentServiceMs', 'tickets', 'version']);
    expect(snapshot.version).toBe(1);
  });

  it('carries on exactly as the live queue would after a restart', () => {
    const q = busyOffice();
    const restarted = queueDriver(testOffice(), q.now);
    restarted.state = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(q.state))), testOffice());
    for (const d of [q, restarted]) {
      d.advance(MINUTE);
      d.must({ type: 'ticket.finish', deskId: 'd1' });
      d.must({ type: 'ticket.call-next', deskId: 'd1' });
      d.must({ type: 'ticket.issue', ticketId: 'late', serviceId: 'payments' });
    }
    expect(toSnapshot(restarted.state)).toEqual(toSnapshot(q.state));
    expect(restarted.state.tickets.get('late')!.number).toBe('A006');
  });

  it('does not share its arrays with the state', () => {
    const q = busyOffice();
    const snapshot = toSnapshot(q.state);
    snapshot.recentServiceMs[0]![1].push(1);
    expect(q.state.recentServiceMs.get('payments')).toHaveLength(3);
  });

  it('meets today\'s config: new desks appear closed, removed closed desks are gone', () => {
    const q = busyOffice();
    q.must({ type: 'ticket.take-back', deskId: 'd3', ticketId: 't7' });
    q.must({ type: 'ticket.cancel', ticketId: 't7', reason: 'left' });
    q.must({ type: 'desk.close', deskId: 'd3' });
    const setup = testOffice((s) => {
      s.desks = s.desks.filter((d) => d.id !== 'd3');
      s.desks.push({ id: 'd5', number: 5, name: 'Окно 5', servicePolicy: 'order', services: [{ serviceId: 'meters', weight: 1 }] });
    });
    const restored = fromSnapshot(toSnapshot(q.state), setup);
    expect([...restored.desks.keys()]).toEqual(['d1', 'd2', 'd5']);
    expect(restored.desks.get('d5')).toMatchObject({ status: 'closed' });
  });

  it('refuses a snapshot of a version it does not know', () => {
    const snapshot = { ...toSnapshot(busyOffice().state), version: 2 } as unknown as QueueSnapshot;
    expect(() => fromSnapshot(snapshot, testOffice())).toThrow(/version 2/);
  });
});
