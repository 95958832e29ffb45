import type { DeskView, TicketView } from '@talon/protocol';

/**
 * What the operator may do right now, derived from the desk and its visitor the same way the
 * queue engine decides (packages/domain/src/decide-desk.ts): the console disables a button
 * instead of letting the server refuse it.
 */
export type DeskAction =
  | 'call-next'
  | 'call'
  | 'take-back'
  | 'recall'
  | 'start'
  | 'finish'
  | 'no-show'
  | 'transfer'
  | 'postpone'
  | 'confirm-category'
  | 'pause'
  | 'resume'
  | 'close';

export const DESK_ACTIONS: readonly DeskAction[] = [
  'call-next',
  'call',
  'take-back',
  'recall',
  'start',
  'finish',
  'no-show',
  'transfer',
  'postpone',
  'confirm-category',
  'pause',
  'resume',
  'close',
];

export interface DeskSituation {
  desk: Pick<DeskView, 'status'> & { currentTicket?: Pick<TicketView, 'status' | 'kind' | 'categoryCheck'> | undefined };
  /** Tickets this desk could call now. */
  waiting: number;
  /** Tickets parked at this desk. */
  postponed: number;
}

export function allowedActions({ desk, waiting, postponed }: DeskSituation): ReadonlySet<DeskAction> {
  const allowed = new Set<DeskAction>();
  switch (desk.status) {
    case 'closed':
      return allowed;
    case 'paused':
      // A pause is refused while a visitor is at the desk, so a paused desk is always free.
      allowed.add('resume');
      allowed.add('close');
      return allowed;
    case 'open':
      break;
    default:
      return missingStatus(desk.status);
  }
  const ticket = desk.currentTicket;
  if (!ticket) {
    if (waiting > 0) {
      allowed.add('call-next');
      allowed.add('call');
    }
    if (postponed > 0) allowed.add('take-back');
    allowed.add('pause');
    allowed.add('close');
    return allowed;
  }
  if (ticket.status === 'called') {
    allowed.add('recall');
    allowed.add('start');
    allowed.add('no-show');
  }
  if (ticket.status === 'serving') allowed.add('finish');
  if (ticket.status === 'called' || ticket.status === 'serving') {
    allowed.add('transfer');
    allowed.add('postpone');
    if (ticket.kind === 'priority' && ticket.categoryCheck === 'pending') allowed.add('confirm-category');
  }
  return allowed;
}

function missingStatus(status: never): never {
  throw new Error(`unhandled desk status ${String(status)}`);
}
