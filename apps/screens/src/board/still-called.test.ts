import type { BoardCallView, BoardState } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { stillCalled } from './still-called.js';

const state = (serverTime: number, calls: Partial<BoardCallView>[]): BoardState => ({
  office: { officeId: 'o', name: 'ЦОК', timeZone: 'Europe/Moscow', alwaysOpen: true, issuing: { open: true }, serverTime },
  calls: calls.map((c) => ({ ticketId: 't', number: 'A001', deskNumber: 1, deskName: 'Окно 1', status: 'called', calledAt: 100, recalls: 0, ...c })),
  history: [],
  waiting: [],
});

describe('still called', () => {
  const call = { ticketId: 't', at: 100 };

  it('holds while the ticket waits at its desk under this call', () => {
    expect(stillCalled(state(200, [{}]), call)).toBe(true);
  });

  it('ends when the visitor is at the desk, the visit is over, or the ticket was recalled since', () => {
    expect(stillCalled(state(200, [{ status: 'serving' }]), call)).toBe(false);
    expect(stillCalled(state(200, []), call)).toBe(false);
    expect(stillCalled(state(200, [{ calledAt: 150, recalls: 1 }]), call)).toBe(false);
    expect(stillCalled(state(200, [{ ticketId: 'other' }]), call)).toBe(false);
  });

  it('is not judged by a state that may not know of the call yet', () => {
    expect(stillCalled(null, call)).toBe(true);
    expect(stillCalled(state(100, []), call)).toBe(true);
    expect(stillCalled(state(99, []), call)).toBe(true);
  });
});
