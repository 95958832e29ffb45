import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { openDatabase } from '../storage/open-database.js';
import { createRatingPresses, REPEAT_HORIZON_MS } from './rating-presses.js';

const press = { deskId: 'desk-1', buttonDeviceId: 7, seq: 9, value: 5 };

function log() {
  const clock = manualClock(1_800_000_000_000);
  return { clock, presses: createRatingPresses(openDatabase(':memory:'), clock.now) };
}

describe('the rating press log', () => {
  it('takes a copy of a counted press for a repeat that names the first one ticket, and writes both down', () => {
    const { clock, presses } = log();
    const first = presses.record(press, { ticketId: 't_1' });
    expect(first.repeatOf).toBeUndefined();
    presses.settle(first.id, 'counted');
    clock.advance(90_000);
    // The next visitor's window is open by now: the copy must still not land on their ticket.
    expect(presses.record(press, { ticketId: 't_2' }).repeatOf).toEqual({ ticketId: 't_1' });
    expect(presses.ofDesk('desk-1').map((p) => [p.outcome, p.ticketId])).toEqual([
      ['counted', 't_1'],
      ['repeat', 't_1'],
    ]);
  });

  it('takes the same seq with another value, another button or after the horizon for a new press', () => {
    const { clock, presses } = log();
    presses.settle(presses.record(press, { ticketId: 't_1' }).id, 'counted');
    expect(presses.record({ ...press, value: 4 }, { ticketId: 't_2' }).repeatOf).toBeUndefined();
    expect(presses.record({ ...press, buttonDeviceId: 8 }, { ticketId: 't_2' }).repeatOf).toBeUndefined();
    expect(presses.record({ ...press, deskId: 'desk-2' }, { ticketId: 't_3' }).repeatOf).toBeUndefined();
    // A button that rebooted starts again at seq 1; its new presses are new once the horizon is past.
    clock.advance(REPEAT_HORIZON_MS + 1);
    expect(presses.record(press, { ticketId: 't_4' }).repeatOf).toBeUndefined();
  });

  it('remembers a press that found no window, so a copy cannot land in the next one', () => {
    const { presses } = log();
    presses.record(press, null);
    expect(presses.record(press, { ticketId: 't_2' }).repeatOf).toEqual({ ticketId: null });
    expect(presses.ofDesk('desk-1').map((p) => p.outcome)).toEqual(['no-window', 'repeat']);
  });

  it('catches a copy that arrives while the first is still being decided', () => {
    const { presses } = log();
    presses.record(press, { ticketId: 't_1' });
    expect(presses.record(press, { ticketId: 't_1' }).repeatOf).toEqual({ ticketId: 't_1' });
    expect(presses.ofDesk('desk-1').map((p) => p.outcome)).toEqual(['claimed', 'repeat']);
  });
});
