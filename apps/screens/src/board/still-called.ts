import type { BoardState } from '@talon/protocol';
import type { Announcement } from './announcement-queue.js';

/**
 * Whether the board's latest state still shows this very call waiting for its visitor: the ticket
 * at a desk, `called` (not yet `serving`), with this call's instant (a recall moves it). A state
 * no later than the call may not know of it yet, so only a newer one can say it is over.
 */
export function stillCalled(latest: BoardState | null, announcement: Pick<Announcement, 'ticketId' | 'at'>): boolean {
  if (!latest || latest.office.serverTime <= announcement.at) return true;
  return latest.calls.some((call) => call.ticketId === announcement.ticketId && call.status === 'called' && call.calledAt === announcement.at);
}
