import type { BoardCall, BoardState } from '@talon/protocol';

/**
 * Calls made while the board was away, found by comparing the state it last saw with the one it
 * catches up to: the hall still needs to hear a visitor who is being called right now. A board
 * that has just been switched on has nothing to catch up on and stays quiet.
 */
export function missedCalls(previous: BoardState | null, next: BoardState): BoardCall[] {
  if (!previous) return [];
  const seen = new Set(previous.calls.map((call) => `${call.ticketId}@${call.calledAt}`));
  return next.calls
    .filter((call) => call.status === 'called' && call.calledAt > previous.office.serverTime && !seen.has(`${call.ticketId}@${call.calledAt}`))
    .sort((a, b) => a.calledAt - b.calledAt)
    .map((call) => ({
      ticketId: call.ticketId,
      number: call.number,
      deskNumber: call.deskNumber,
      deskName: call.deskName,
      recall: call.recalls > 0,
      at: call.calledAt,
    }));
}
