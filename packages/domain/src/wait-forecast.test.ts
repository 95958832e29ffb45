import { describe, expect, it } from 'vitest';
import { createQueueState } from './create-queue-state.js';
import type { DeskState } from './desk-state.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket } from './ticket.js';
import { calibratedWaitMin, forecastCalls, forecastWaitMin, waitRange } from './wait-forecast.js';

/*
 * Small halls with answers worked by hand. The test office: payments (norm 6 min) at d1 (op1,
 * lunch 12:00-12:45), d2 (after contracts) and d3; no service samples yet, so the norm is the pace.
 */

function walkIn(id: string, waited: number, now: number, serviceId = 'payments'): Ticket {
  return { id, number: id, serviceId, officeDay: '2026-11-24', kind: 'walk-in', issuedAt: now - waited * MINUTE, queuedAt: now - waited * MINUTE, status: 'waiting', recalls: 0 };
}

function hall(now: number, tickets: Ticket[], open: Partial<Record<string, Partial<DeskState>>>): QueueState {
  const base = createQueueState(testOffice(), now - 60 * MINUTE);
  const desks = new Map(base.desks);
  for (const [deskId, desk] of Object.entries(open)) {
    desks.set(deskId, { deskId, status: 'open', operatorId: `op${deskId.slice(1)}`, statusSince: now - 60 * MINUTE, priorityCallsInRow: 0, lastFinishedRated: false, ...desk });
  }
  return { ...base, desks, tickets: new Map(tickets.map((t) => [t.id, t])) };
}

const ten = TUESDAY_10_00;
const minutesOf = (calls: Map<string, number>, now: number) => Object.fromEntries([...calls].map(([id, at]) => [id, (at - now) / MINUTE]));

describe('forecastCalls: hand-worked halls', () => {
  it('one free desk, three waiting: at 0, 6 and 12 minutes; a newcomer at 18', () => {
    const state = hall(ten, [walkIn('a', 3, ten), walkIn('b', 2, ten), walkIn('c', 1, ten)], { d3: {} });
    expect(minutesOf(forecastCalls(state, ten), ten)).toEqual({ a: 0, b: 6, c: 12 });
    expect(forecastWaitMin(state, 'payments', ten)).toBe(18);
    expect(forecastWaitMin(state, 'payments', ten, 'b')).toBe(6);
  });

  it('two free desks share the hall: a and b at once, c when the first is free', () => {
    const state = hall(ten, [walkIn('a', 3, ten), walkIn('b', 2, ten), walkIn('c', 1, ten)], { d1: {}, d3: {} });
    expect(minutesOf(forecastCalls(state, ten), ten)).toEqual({ a: 0, b: 0, c: 6 });
  });

  it('a desk two minutes into a 6-minute visit calls in 4 minutes', () => {
    const serving: Ticket = { ...walkIn('s', 10, ten), status: 'serving', deskId: 'd3', calledAt: ten - 3 * MINUTE, servingStartedAt: ten - 2 * MINUTE };
    const state = hall(ten, [serving, walkIn('a', 3, ten), walkIn('b', 2, ten)], { d3: { currentTicketId: 's' } });
    expect(minutesOf(forecastCalls(state, ten), ten)).toEqual({ a: 4, b: 10 });
  });

  it('a lunch about to start: d1 calls a at 11:58, then is away until 12:45', () => {
    const now = ten + 118 * MINUTE;
    const state = hall(now, [walkIn('a', 3, now), walkIn('b', 2, now)], { d1: {} });
    expect(minutesOf(forecastCalls(state, now), now)).toEqual({ a: 0, b: 47 });
  });

  it('a desk paused for its scheduled lunch is back at its end', () => {
    const now = ten + 130 * MINUTE; // 12:10
    const state = hall(now, [walkIn('a', 3, now)], { d1: { status: 'paused', pauseReason: 'lunch' } });
    expect(minutesOf(forecastCalls(state, now), now)).toEqual({ a: 35 });
  });

  it('the call rule decides the order: a priority visitor first', () => {
    const priority: Ticket = { ...walkIn('p', 0, ten), kind: 'priority', categoryId: 'disabled', categoryCheck: 'pending' };
    const state = hall(ten, [walkIn('a', 5, ten), priority], { d3: {} });
    expect(minutesOf(forecastCalls(state, ten), ten)).toEqual({ p: 0, a: 6 });
  });

  it('no desk open for the service: no estimate', () => {
    const state = hall(ten, [walkIn('a', 3, ten)], {});
    expect(forecastWaitMin(state, 'payments', ten, 'a')).toBeNull();
    expect(forecastWaitMin(hall(ten, [], { d3: {} }), 'contracts', ten)).toBeNull();
  });
});

describe('the range and the lean from recent errors', () => {
  it('too few errors: ±30 %, at least 3 minutes either side', () => {
    expect(waitRange(20, [])).toEqual({ fromMin: 14, toMin: 26 });
    expect(waitRange(2, [1, 2])).toEqual({ fromMin: 0, toMin: 5 });
  });

  it('from the 10th and 90th percentiles of told minus waited', () => {
    // Errors -10..+9 (told too short by up to 10, too long by up to 9): 10th percentile -8, 90th +8.
    const errors = Array.from({ length: 20 }, (_, i) => i - 10);
    expect(waitRange(20, errors)).toEqual({ fromMin: 12, toMin: 28 });
  });

  it('the lean: a forecast 4 minutes short on the median is told 4 minutes longer', () => {
    expect(calibratedWaitMin(10, Array.from({ length: 30 }, () => -4))).toBe(14);
    expect(calibratedWaitMin(10, [-4, -4])).toBe(10);
  });
});
