import { chooseNextTicket, type CallChoice } from './call-next.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

/** A place taken from home whose visitor has not said they are here yet: never called. */
export function awaitsArrival(ticket: Ticket): boolean {
  return ticket.remote !== undefined && ticket.remote.arrivedAt === undefined;
}

/** What happens to a place taken from home whose turn came before its visitor arrived. */
export interface PassedOver {
  ticket: Ticket;
  /** `skipped`: the first time, it keeps its place; `expired`: the second time, it leaves the queue. */
  outcome: 'skipped' | 'expired';
}

export interface NextCall {
  choice: CallChoice | undefined;
  /** Places taken from home passed over on the way to the choice, in the order their turns came. */
  passedOver: PassedOver[];
}

/**
 * Who this desk calls next when some places were taken from home (docs/call-policy.md, "A place
 * taken from home"). The call policy (`chooseNextTicket`) is asked as if every place taken from home
 * were in the hall: a confirmed one stands where its join time puts it, like any ticket. When the
 * policy picks one whose visitor has not arrived, that is its turn: the first time it is skipped
 * (it keeps its place), the second time it expires; either way the policy is asked again without
 * it. A turn counts only when someone else is called instead: with nobody else waiting the desk
 * calls nobody and the place is not touched. In an office without places taken from home this is
 * exactly `chooseNextTicket`.
 */
export function chooseNextCall(state: QueueState, deskId: string, now: Instant): NextCall {
  let view = state;
  const passedOver: PassedOver[] = [];
  for (;;) {
    const choice = chooseNextTicket(view, deskId, now);
    if (!choice) return { choice: undefined, passedOver: [] };
    if (!awaitsArrival(choice.ticket)) return { choice, passedOver };
    passedOver.push({ ticket: choice.ticket, outcome: choice.ticket.remote!.skippedAt === undefined ? 'skipped' : 'expired' });
    const tickets = new Map(view.tickets);
    tickets.delete(choice.ticket.id);
    view = { ...view, tickets };
  }
}
