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

/**
 * The calls made since this page loaded, found in its first state (#17): a call made while the
 * page was still connecting reaches it only in that state, never as a `board:call`, and must be
 * heard all the same; calls from before the page loaded stay quiet, as on any switched-on board.
 * `loadedAt` and `now` are this board's clock; the state's are the server's.
 */
export function callsSinceLoad(first: BoardState, loadedAt: number, now: number): BoardCall[] {
  const loadedAtOnServer = loadedAt + (first.office.serverTime - now);
  return missedCalls({ ...first, calls: [], office: { ...first.office, serverTime: loadedAtOnServer } }, first);
}
