import type { BoardCall, BoardState } from '@talon/protocol';

/**
 * Puts a call on the board the moment it is heard of, ahead of the next whole state (which the
 * server coalesces): the visitor looks up as the chime sounds.
 */
export function withCall(state: BoardState | null, call: BoardCall): BoardState | null {
  if (!state) return state;
  const others = state.calls.filter((c) => c.ticketId !== call.ticketId && c.deskNumber !== call.deskNumber);
  const previous = state.calls.find((c) => c.ticketId === call.ticketId);
  return {
    ...state,
    calls: [
      {
        ticketId: call.ticketId,
        number: call.number,
        deskNumber: call.deskNumber,
        deskName: call.deskName,
        status: 'called',
        calledAt: call.at,
        recalls: (previous?.recalls ?? 0) + (call.recall ? 1 : 0),
      },
      ...others,
    ],
  };
}
