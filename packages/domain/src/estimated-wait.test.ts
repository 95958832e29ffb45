import { describe, expect, it } from 'vitest';
import { estimateWait } from './estimated-wait.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver } from './testing/queue-driver.js';

describe('estimated wait', () => {
  const office = () => queueDriver(testOffice(), TUESDAY_10_00);

  it('has no estimate while no desk serving the service is open', () => {
    const q = office();
    q.issue('payments');
    expect(estimateWait(q.state, 'payments', q.now)).toEqual({ peopleAhead: 1, estimatedWaitMin: null, openDesks: 0 });
  });

  it('uses the service norm until three visitors were served, then the real pace', () => {
    const q = office();
    q.must({ type: 'desk.open', deskId: 'd3', operatorId: 'op3' });
    for (let i = 0; i < 4; i += 1) q.issue('payments');
    // Norm 6 min, 4 ahead, 1 desk.
    expect(estimateWait(q.state, 'payments', q.now)).toEqual({ peopleAhead: 4, estimatedWaitMin: 24, openDesks: 1 });
    for (let i = 0; i < 3; i += 1) {
      q.must({ type: 'ticket.call-next', deskId: 'd3' });
      q.must({ type: 'ticket.start', deskId: 'd3' });
      q.advance(2 * MINUTE);
      q.must({ type: 'ticket.finish', deskId: 'd3' });
    }
    expect(estimateWait(q.state, 'payments', q.now)).toMatchObject({ peopleAhead: 1, estimatedWaitMin: 2 });
  });

  it('shares the people ahead among the open desks that serve the service; a paused desk does not count', () => {
    const q = office();
    for (let i = 0; i < 6; i += 1) q.issue('payments');
    q.must({ type: 'desk.open', deskId: 'd1', operatorId: 'op1' });
    q.must({ type: 'desk.open', deskId: 'd3', operatorId: 'op3' });
    expect(estimateWait(q.state, 'payments', q.now)).toEqual({ peopleAhead: 6, estimatedWaitMin: 18, openDesks: 2 });
    q.must({ type: 'desk.pause', deskId: 'd3', reason: 'lunch' });
    expect(estimateWait(q.state, 'payments', q.now).openDesks).toBe(1);
  });

  it('counts for an issued ticket only those the policy takes first', () => {
    const q = office();
    q.must({ type: 'desk.open', deskId: 'd3', operatorId: 'op3' });
    q.issue('payments');
    q.advance(MINUTE);
    const mine = q.issue('payments');
    q.advance(MINUTE);
    q.issue('payments');
    q.issue('payments', { categoryId: 'disabled' });
    q.issue('meters');
    expect(estimateWait(q.state, 'payments', q.now, mine.id)).toMatchObject({ peopleAhead: 2, estimatedWaitMin: 12 });
    expect(estimateWait(q.state, 'payments', q.now, mine.id).peopleAhead).toBe(2);
  });
});
