import type { BoardCallView, BoardState } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { withCall } from './with-call.js';

const view = (ticketId: string, deskNumber: number, calledAt: number): BoardCallView => ({
  ticketId,
  number: ticketId.toUpperCase(),
  deskNumber,
  deskName: `Окно ${deskNumber}`,
  status: 'serving',
  calledAt,
  recalls: 0,
});

const state: BoardState = {
  office: { officeId: 'o', name: 'ЦОК', timeZone: 'Europe/Moscow', alwaysOpen: true, issuing: { open: true }, serverTime: 0 },
  calls: [view('b002', 2, 20), view('a001', 1, 10)],
  history: [],
  waiting: [],
};

describe('a call put on the board ahead of the state', () => {
  it('goes first and replaces whoever was at that desk', () => {
    const next = withCall(state, { ticketId: 'c003', number: 'C003', deskNumber: 1, deskName: 'Окно 1', recall: false, at: 30 });
    expect(next?.calls.map((c) => [c.number, c.deskNumber, c.status])).toEqual([
      ['C003', 1, 'called'],
      ['B002', 2, 'serving'],
    ]);
  });

  it('a recall moves the ticket up and counts the recall', () => {
    const next = withCall(state, { ticketId: 'a001', number: 'A001', deskNumber: 1, deskName: 'Окно 1', recall: true, at: 40 });
    expect(next?.calls[0]).toMatchObject({ number: 'A001', recalls: 1, calledAt: 40 });
    expect(next?.calls).toHaveLength(2);
  });

  it('waits for the first state before it shows anything', () => {
    expect(withCall(null, { ticketId: 'a', number: 'A001', deskNumber: 1, deskName: '', recall: false, at: 1 })).toBeNull();
  });
});
