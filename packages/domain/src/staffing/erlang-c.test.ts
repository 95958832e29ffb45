import { describe, expect, it } from 'vitest';
import { desksNeeded, erlangC, staffingWith } from './erlang-c.js';

describe('Erlang C against published worked examples', () => {
  it('100 calls in 30 minutes, 180 s handling, 80 % within 20 s: 14 agents, 88.8 % (Call Centre Helper)', () => {
    const question = { arrivals: 100, periodSeconds: 1800, handleSeconds: 180, targetSeconds: 20, targetShare: 0.8 };
    const answer = desksNeeded(question);
    expect(answer.trafficErlangs).toBe(10);
    expect(answer.desks).toBe(14);
    expect(answer.serviceLevel).toBeCloseTo(0.888, 3);
    // The same worked example: 17.4 % wait at all, 7.8 s on average.
    expect(answer.probabilityOfWaiting).toBeCloseTo(0.174, 3);
    expect(answer.averageWaitSeconds).toBeCloseTo(7.8, 1);
    // 13 agents fall short of 80 %.
    expect(staffingWith(question, 13).serviceLevel).toBeLessThan(0.8);
  });

  it('M/M/3 at 2 Erlangs: a visitor waits with probability 4/9 (the textbook case, ρ = 2/3)', () => {
    expect(erlangC(2, 3)).toBeCloseTo(4 / 9, 10);
  });

  it('M/M/1: the probability of waiting is the load itself', () => {
    expect(erlangC(0.75, 1)).toBeCloseTo(0.75, 10);
  });

  it('no visitors need no desk; desks that cannot keep up leave everyone waiting', () => {
    expect(desksNeeded({ arrivals: 0, periodSeconds: 3600, handleSeconds: 600, targetSeconds: 900, targetShare: 0.8 }).desks).toBe(0);
    expect(erlangC(5, 5)).toBe(1);
    expect(staffingWith({ arrivals: 30, periodSeconds: 3600, handleSeconds: 600, targetSeconds: 900 }, 5).serviceLevel).toBe(0);
  });
});
