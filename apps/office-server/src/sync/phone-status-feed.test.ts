import type { PhoneTicketStatus } from '@talon/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPhoneStatusFeed } from './phone-status-feed.js';

const status = (ticketId: string, peopleAhead: number, state: PhoneTicketStatus['state'] = 'waiting'): PhoneTicketStatus => ({
  ticketId,
  number: `A${ticketId}`,
  serviceId: 'payments',
  officeDay: '2026-11-24',
  state,
  peopleAhead,
  estimatedWaitMin: peopleAhead * 5,
  at: 1,
});

describe('phone status feed', () => {
  afterEach(() => vi.useRealTimers());

  function feedWith(initial: PhoneTicketStatus[], accept = () => true) {
    vi.useFakeTimers();
    let current = initial;
    const batches: PhoneTicketStatus[][] = [];
    const feed = createPhoneStatusFeed({
      current: () => current,
      send: async (statuses) => {
        batches.push(statuses);
        return accept();
      },
      now: () => Date.now(),
      throttleMs: 3000,
    });
    return { feed, batches, set: (next: PhoneTicketStatus[]) => (current = next) };
  }

  it('sends a position change at most once per ticket per throttle, a call at once, an end once', async () => {
    const { feed, batches, set } = feedWith([status('1', 3)]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.map((s) => s.peopleAhead))).toEqual([[3]]);
    set([status('1', 2)]);
    feed.changed();
    set([status('1', 1)]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(2900);
    expect(batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(batches.map((b) => b.map((s) => s.peopleAhead))).toEqual([[3], [1]]);
    // Unchanged: nothing goes.
    feed.changed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(batches).toHaveLength(2);
    // The call does not wait for the throttle.
    set([status('1', 0, 'called')]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.at(-1)).toMatchObject([{ state: 'called' }]);
    set([]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.at(-1)).toMatchObject([{ ticketId: '1', state: 'finished' }]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(batches).toHaveLength(4);
    feed.stop();
  });

  it('after a refused batch tries again; after a reconnect sends everything again', async () => {
    let accept = false;
    const { feed, batches } = feedWith([status('1', 3), status('2', 4)], () => accept);
    feed.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toHaveLength(1);
    accept = true;
    await vi.advanceTimersByTimeAsync(3000);
    expect(batches).toHaveLength(2);
    feed.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toHaveLength(2);
    feed.resendAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.at(-1)?.map((s) => s.ticketId)).toEqual(['1', '2']);
    feed.stop();
  });

  it('sends a new range as a change, and a finished ticket without one', async () => {
    const ranged = (fromMin: number, toMin: number): PhoneTicketStatus => ({ ...status('1', 2), waitRange: { fromMin, toMin } });
    const { feed, batches, set } = feedWith([ranged(5, 12)]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.at(-1)?.[0]?.waitRange).toEqual({ fromMin: 5, toMin: 12 });
    set([ranged(6, 14)]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(3000);
    expect(batches.at(-1)?.[0]?.waitRange).toEqual({ fromMin: 6, toMin: 14 });
    set([]);
    feed.changed();
    await vi.advanceTimersByTimeAsync(3000);
    expect(batches.at(-1)?.[0]).toMatchObject({ state: 'finished', estimatedWaitMin: null });
    expect(batches.at(-1)?.[0]?.waitRange).toBeUndefined();
    feed.stop();
  });
});
