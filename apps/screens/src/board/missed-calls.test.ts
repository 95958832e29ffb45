import type { BoardCallView, BoardState } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { callsSinceLoad, missedCalls } from './missed-calls.js';

const call = (ticketId: string, calledAt: number, extra: Partial<BoardCallView> = {}): BoardCallView => ({
  ticketId,
  number: ticketId.toUpperCase(),
  deskNumber: 1,
  deskName: 'Окно 1',
  status: 'called',
  calledAt,
  recalls: 0,
  ...extra,
});

const board = (serverTime: number, calls: BoardCallView[]): BoardState => ({
  office: { officeId: 'o', name: 'ЦОК', timeZone: 'Europe/Moscow', alwaysOpen: true, issuing: { open: true }, serverTime },
  calls,
  history: [],
  waiting: [],
});

describe('missed calls', () => {
  it('a board just switched on stays quiet', () => {
    expect(missedCalls(null, board(1000, [call('a001', 900)]))).toEqual([]);
  });

  it('finds the calls made while the board was away, oldest first', () => {
    const before = board(1000, [call('a001', 900)]);
    const after = board(5000, [call('c003', 4000), call('b002', 3000), call('a001', 900)]);
    expect(missedCalls(before, after).map((c) => c.number)).toEqual(['B002', 'C003']);
  });

  it('skips visitors already at the desk being served, and counts a recall as a recall', () => {
    const before = board(1000, []);
    const after = board(5000, [call('a001', 2000, { status: 'serving' }), call('b002', 3000, { recalls: 1 })]);
    expect(missedCalls(before, after)).toEqual([
      { ticketId: 'b002', number: 'B002', deskNumber: 1, deskName: 'Окно 1', recall: true, at: 3000 },
    ]);
  });
});

describe('calls since the page loaded', () => {
  it('are the ones called after the load, on the server clock, oldest first', () => {
    // The board's clock runs 5 s behind the server's: its load at 1000 is 6000 on the server.
    const first = board(9_000, [call('c', 7_000), call('b', 6_500), call('a', 6_800, { status: 'serving' }), call('old', 5_900)]);
    expect(callsSinceLoad(first, 1_000, 4_000).map((c) => c.ticketId)).toEqual(['b', 'c']);
  });
});
