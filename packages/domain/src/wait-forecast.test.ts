import { describe, expect, it } from 'vitest';
import { createQueueState } from './create-queue-state.js';
import type { DeskState } from './desk-state.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket } from './ticket.js';
import { arrivalRatesFrom, calibratedWaitMin, forecastCalls, forecastWaitMin, forecastWaits, remainingServiceMs, waitRange, type ForecastError } from './wait-forecast.js';

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

describe('forecastCalls: visitors still to come', () => {
  it('a priority visitor expected at +5 goes ahead of a walk-in at the desk free at +6', () => {
    // d3 started a 6-minute visit just now. Priority payments at 6 an hour: the first at +5 (half an interval).
    const serving: Ticket = { ...walkIn('s', 10, ten), status: 'serving', deskId: 'd3', calledAt: ten, servingStartedAt: ten };
    const state = hall(ten, [serving, walkIn('a', 14, ten)], { d3: { currentTicketId: 's' } });
    const arrivals = [{ serviceId: 'payments', kind: 'priority' as const, perHour: 6 }];
    expect(minutesOf(forecastCalls(state, ten), ten)).toEqual({ a: 6 });
    expect(minutesOf(forecastCalls(state, ten, { arrivals }), ten)).toEqual({ a: 12 });
    // Told: the middle of seven plays at 0, 1/6 ... 6/6 of the pace (0 to 6 an hour, the first
    // at half an interval: never, +30, +15, +10, +7.5, +6, +5). Only the last two come by +6: 6, 6,
    // 6, 6, 6, 12, 12 -> 6. The visitor who could yet be lifted is more likely not to be.
    expect(forecastWaits(state, ten, { arrivals }).get('a')).toBe(6);
    expect(forecastWaitMin(state, 'payments', ten, 'a', { arrivals })).toBe(6);
    // Twice the pace: never, +15, +7.5, +5, +3.75, +3, +2.5 -> 6, 6, 6, 12, 12, 12, 12 -> 12.
    expect(forecastWaits(state, ten, { arrivals: [{ ...arrivals[0]!, perHour: 12 }] }).get('a')).toBe(12);
  });

  it('tells the last ticket of a hall with many specialised desks idle while visitors of other services come', () => {
    // Twenty desks serve meters only and have nothing to do; payments visitors come at 600 an hour
    // to d1 and d3. The contracts visitor waits for d2, busy for 25 more minutes. Each idle desk
    // takes a turn per visitor expected (it waits for the next), about 5,000 turns before d2 is free.
    const setup = testOffice((s) => {
      for (let i = 0; i < 20; i += 1) s.desks.push({ id: `m${i}`, number: 10 + i, name: `Окно ${10 + i}`, servicePolicy: 'order', services: [{ serviceId: 'meters', weight: 1 }] });
    });
    const base = createQueueState(setup, ten - 60 * MINUTE);
    const desks = new Map(base.desks);
    const open = (deskId: string, extra: Partial<DeskState> = {}) =>
      desks.set(deskId, { deskId, status: 'open', operatorId: undefined, statusSince: ten - 60 * MINUTE, priorityCallsInRow: 0, lastFinishedRated: false, ...extra });
    for (let i = 0; i < 20; i += 1) open(`m${i}`);
    open('d1');
    open('d3');
    const serving: Ticket = { ...walkIn('s', 30, ten, 'contracts'), status: 'serving', deskId: 'd2', calledAt: ten - 5 * MINUTE, servingStartedAt: ten - 5 * MINUTE };
    open('d2', { currentTicketId: 's' });
    const state: QueueState = { ...base, desks, tickets: new Map([serving, walkIn('c', 2, ten, 'contracts')].map((t) => [t.id, t])) };
    const arrivals = [{ serviceId: 'payments', kind: 'walk-in' as const, perHour: 600 }];
    // d2 is free at +15 (contracts' norm 20 minutes, 5 gone). By then c has waited 17 minutes, past
    // the standard, and payments visitors who can still make it go first (6 minutes each: +21, +27)
    // until c passes the hard limit (30 minutes waited, at +28): called at +33. The old guard ran
    // out of turns first and told c nothing.
    expect(minutesOf(forecastCalls(state, ten, { arrivals }), ten)).toEqual({ c: 33 });
  });

  it('a booking due at +10 is called at +12, before the third walk-in', () => {
    const booking = { id: 'bk', code: 'X1', serviceId: 'payments', slotStart: ten + 10 * MINUTE, slotMinutes: 15, source: 'office' as const };
    const plain = hall(ten, [walkIn('a', 3, ten), walkIn('b', 2, ten), walkIn('c', 1, ten)], { d3: {} });
    expect(minutesOf(forecastCalls(plain, ten), ten)).toEqual({ a: 0, b: 6, c: 12 });
    const booked = { ...plain, bookings: new Map([[booking.id, booking]]) };
    expect(minutesOf(forecastCalls(booked, ten), ten)).toEqual({ a: 0, b: 6, c: 18 });
  });

  it('the walk to the desk counts: a minute more per visit', () => {
    const state = hall(ten, [walkIn('a', 3, ten), walkIn('b', 2, ten), walkIn('c', 1, ten)], { d3: {} });
    expect(minutesOf(forecastCalls(state, ten, { callToStartMs: MINUTE }), ten)).toEqual({ a: 0, b: 7, c: 14 });
  });

  it('the pace of arrivals over the last hour, bookings left out', () => {
    const issued = [
      { serviceId: 'payments', kind: 'walk-in', issuedAt: ten - 10 * MINUTE },
      { serviceId: 'payments', kind: 'walk-in', issuedAt: ten - 50 * MINUTE },
      { serviceId: 'payments', kind: 'walk-in', issuedAt: ten - 70 * MINUTE },
      { serviceId: 'payments', kind: 'priority', issuedAt: ten - 5 * MINUTE },
      { serviceId: 'contracts', kind: 'booking', issuedAt: ten - 5 * MINUTE },
    ];
    expect(arrivalRatesFrom(issued, ten)).toEqual([
      { serviceId: 'payments', kind: 'walk-in', perHour: 2 },
      { serviceId: 'payments', kind: 'priority', perHour: 1 },
    ]);
    expect(arrivalRatesFrom(issued, ten, 30 * MINUTE)).toEqual([
      { serviceId: 'payments', kind: 'walk-in', perHour: 2 },
      { serviceId: 'payments', kind: 'priority', perHour: 2 },
    ]);
  });
});

describe('the plays over the spread of service times', () => {
  // Recent payments visits of 4, 6, 8, 10 and 12 minutes (mean 8); one free desk, a and b waiting.
  const spread = (samples: number[]): QueueState => ({
    ...hall(ten, [walkIn('a', 3, ten), walkIn('b', 2, ten)], { d3: {} }),
    recentServiceMs: new Map([['payments', samples.map((m) => m * MINUTE)]]),
  });
  it('without a draw every visit takes the mean: b at 8', () => {
    expect(minutesOf(forecastCalls(spread([4, 6, 8, 10, 12]), ten), ten)).toEqual({ a: 0, b: 8 });
  });
  it('five draws of five: a takes each recent time once, so b is called at 4, 6, 8, 10 and 12 in some order', () => {
    const state = spread([4, 6, 8, 10, 12]);
    const b = [0, 1, 2, 3, 4].map((index) => minutesOf(forecastCalls(state, ten, { draw: { index, of: 5 } }), ten).b);
    expect([...b].sort((x, y) => (x as number) - (y as number))).toEqual([4, 6, 8, 10, 12]);
  });
  it('what is told is the middle of the plays: one of the recent times, the same every time', () => {
    const state = spread([4, 6, 8, 10, 12]);
    const told = forecastWaits(state, ten).get('b') as number;
    expect([4, 6, 8, 10, 12]).toContain(told);
    expect(forecastWaits(state, ten).get('b')).toBe(told);
  });
  it('recent times all alike: the plays agree with the mean', () => {
    expect(forecastWaits(spread([8, 8, 8]), ten).get('b')).toBe(8);
  });
});

describe('remainingServiceMs: what a visit in progress has left', () => {
  // Recent payments visits of 4, 6, 8, 10 and 12 minutes.
  const state: QueueState = { ...hall(ten, [], {}), recentServiceMs: new Map([['payments', [4, 6, 8, 10, 12].map((m) => m * MINUTE)]]) };
  it('two minutes in: the mean of what the visits ran beyond two minutes (2, 4, 6, 8, 10 -> 6)', () => {
    expect(remainingServiceMs(state, 'payments', 2 * MINUTE)).toBe(6 * MINUTE);
  });
  it('nine minutes in: only the 10 and 12 minute visits ran on, by 1 and 3 -> 2', () => {
    expect(remainingServiceMs(state, 'payments', 9 * MINUTE)).toBe(2 * MINUTE);
  });
  it('past every recent visit: a minute', () => {
    expect(remainingServiceMs(state, 'payments', 13 * MINUTE)).toBe(MINUTE);
  });
  it('no samples yet: the norm less the time spent', () => {
    expect(remainingServiceMs(hall(ten, [], {}), 'payments', 2 * MINUTE)).toBe(4 * MINUTE);
  });
});

describe('the range and the lean from recent errors', () => {
  const errorsOf = (forecastMin: number, errors: number[]): ForecastError[] => errors.map((errorMin) => ({ forecastMin, errorMin }));

  it('too few errors: ±30 %, at least 3 minutes either side', () => {
    expect(waitRange(20, [])).toEqual({ fromMin: 14, toMin: 26 });
    expect(waitRange(2, errorsOf(2, [1, 2]))).toEqual({ fromMin: 0, toMin: 5 });
  });

  it('from the 10th and 90th percentiles of told minus waited', () => {
    // Errors -10..+9 (told too short by up to 10, too long by up to 9): 10th percentile -8, 90th +8.
    const errors = errorsOf(20, Array.from({ length: 20 }, (_, i) => i - 10));
    expect(waitRange(20, errors)).toEqual({ fromMin: 12, toMin: 28 });
  });

  it('from the forecasts nearest in size: short ones narrow, long ones wide', () => {
    // 25 short forecasts (3 min) off by -1..+1, 25 long ones (30 min) off by -10..+10 in steps.
    const short = errorsOf(3, Array.from({ length: 25 }, (_, i) => (i % 3) - 1));
    const long = errorsOf(30, Array.from({ length: 25 }, (_, i) => -10 + Math.round((i * 20) / 24)));
    const recent = [...short, ...long];
    // Short: errors sorted -1 x9, 0 x8, +1 x8; 10th percentile -1, 90th +1.
    expect(waitRange(3, recent)).toEqual({ fromMin: 2, toMin: 4 });
    // Long: 10th percentile (index 2) is -8 (-10 + round(40/24) = -8), 90th (index 22) is +8.
    expect(waitRange(30, recent)).toEqual({ fromMin: 22, toMin: 38 });
  });

  it('the lean: a forecast 4 minutes short on the median is told 4 minutes longer', () => {
    expect(calibratedWaitMin(10, errorsOf(10, Array.from({ length: 30 }, () => -4)))).toBe(14);
    expect(calibratedWaitMin(10, errorsOf(10, [-4, -4]))).toBe(10);
  });

  it('the lean of forecasts of about its size, not of all', () => {
    // Long forecasts ran 8 too long, short ones were right: a 35-minute forecast is told 27, a 4-minute one 4.
    const recent = [...errorsOf(4, Array.from({ length: 25 }, () => 0)), ...errorsOf(32, Array.from({ length: 25 }, () => 8))];
    expect(calibratedWaitMin(35, recent)).toBe(27);
    expect(calibratedWaitMin(4, recent)).toBe(4);
  });
});
