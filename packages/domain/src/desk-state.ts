import type { Instant } from './ticket.js';
import type { PauseReason } from './office-setup.js';

export type DeskStatus = 'closed' | 'open' | 'paused';

export interface DeskState {
  deskId: string;
  status: DeskStatus;
  operatorId?: string;
  pauseReason?: PauseReason;
  statusSince: Instant;
  /** The ticket called to or served at this desk right now. */
  currentTicketId?: string;
  /** Consecutive calls of priority or due-booking tickets, for the fairness cap. */
  priorityCallsInRow: number;
  /** The ticket finished last here: a rating pressed on this desk's button belongs to it. */
  lastFinishedTicketId?: string;
  lastFinishedRated: boolean;
}
