import { describe, expect, it } from 'vitest';
import { mayNotBeServedToday, type ClosingCheck } from './closing-warning.js';

const MINUTE = 60_000;
const CLOSES = Date.UTC(2026, 10, 30, 14, 0);
const base: ClosingCheck = { now: CLOSES - 60 * MINUTE, closesAt: CLOSES, estimatedWaitMin: null, peopleAhead: 0, normMinutes: 10, desksServing: 2 };

describe('mayNotBeServedToday', () => {
  it.each<[string, Partial<ClosingCheck>, boolean]>([
    ['no estimate and nobody ahead (opening time, no desk open yet)', {}, false],
    ['no estimate and a queue two desks at the norm clear in time', { peopleAhead: 11 }, false],
    ['no estimate and a queue not even every desk at the norm could clear', { peopleAhead: 13 }, true],
    ['no estimate and no desk that serves the service', { peopleAhead: 100, desksServing: 0 }, false],
    ['an estimate that ends before closing', { estimatedWaitMin: 59, peopleAhead: 30 }, false],
    ['an estimate that ends exactly at closing', { estimatedWaitMin: 60 }, false],
    ['an estimate that runs past closing', { estimatedWaitMin: 61 }, true],
    ['the estimate wins over the best case', { estimatedWaitMin: 90, peopleAhead: 1 }, true],
    ['an office open around the clock', { closesAt: undefined, estimatedWaitMin: 600 }, false],
  ])('%s', (_, change, expected) => {
    expect(mayNotBeServedToday({ ...base, ...change })).toBe(expected);
  });
});
