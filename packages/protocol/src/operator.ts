import { z } from 'zod';
import { PAUSE_REASONS, type PauseReason } from '@talon/domain';
import type { CommandEvents } from './command-map.js';
import { commentField, idField } from './fields.js';
import type { CategoryView, DeskView, ServiceQueueView, ServiceView, TicketView } from './views.js';
import type { OperatorRole } from './office-config.js';

const empty = z.strictObject({});

/** The desk is always the one the operator has open, so no command names it but `desk:open`. */
export const operatorCommands = {
  'desk:open': z.strictObject({ deskId: idField }),
  'desk:pause': z.strictObject({ reason: z.enum(PAUSE_REASONS as [PauseReason, ...PauseReason[]]) }),
  'desk:resume': empty,
  'desk:close': empty,
  'ticket:call-next': empty,
  'ticket:call': z.strictObject({ ticketId: idField }),
  'ticket:recall': empty,
  'ticket:start': empty,
  'ticket:finish': z.strictObject({ outcomeId: idField.optional() }),
  'ticket:no-show': empty,
  'ticket:transfer': z
    .strictObject({
      toServiceId: idField.optional(),
      toDeskId: idField.optional(),
      keepPlace: z.boolean().optional(),
      comment: commentField.optional(),
    })
    .refine((p) => (p.toServiceId === undefined) !== (p.toDeskId === undefined), {
      message: 'exactly one of toServiceId and toDeskId',
    }),
  'ticket:postpone': empty,
  'ticket:take-back': z.strictObject({ ticketId: idField }),
  'ticket:confirm-category': z.strictObject({ documentSeen: z.boolean() }),
  'ticket:cancel': z.strictObject({ ticketId: idField, reason: commentField.min(1) }),
  'operator:snapshot': empty,
};

type DeskResult = { desk: DeskView | null };

export interface OperatorResults {
  'desk:open': DeskResult;
  'desk:pause': DeskResult;
  'desk:resume': DeskResult;
  'desk:close': DeskResult;
  'ticket:call-next': DeskResult;
  'ticket:call': DeskResult;
  'ticket:recall': DeskResult;
  'ticket:start': DeskResult;
  'ticket:finish': DeskResult;
  'ticket:no-show': DeskResult;
  'ticket:transfer': DeskResult;
  'ticket:postpone': DeskResult;
  'ticket:take-back': DeskResult;
  'ticket:confirm-category': DeskResult;
  'ticket:cancel': DeskResult;
  'operator:snapshot': { state: OperatorState };
}

export interface OperatorDayCounts {
  served: number;
  noShow: number;
}

export interface OperatorState {
  operator: { id: string; name: string; roles: OperatorRole[] };
  /** The desk this operator has open, if any. */
  desk: DeskView | null;
  desks: DeskView[];
  services: ServiceView[];
  categories: CategoryView[];
  /** Per service of the operator's desk (all services before a desk is open). */
  queue: ServiceQueueView[];
  /** Tickets this desk may call by number, longest waiting first (at most 100). */
  waiting: TicketView[];
  /** Tickets parked at this desk. */
  postponed: TicketView[];
  scheduledBreak?: { from: string; to: string; reason: PauseReason };
  /** This operator's own day so far (any desk). */
  today?: OperatorDayCounts;
  waitingStandardMinutes: number;
  /** The office's IANA zone: break times above are its wall clock. */
  timeZone: string;
  serverTime: number;
}

export type OperatorClientEvents = CommandEvents<typeof operatorCommands, OperatorResults>;

export interface OperatorServerEvents {
  'operator:state': (state: OperatorState) => void;
}
