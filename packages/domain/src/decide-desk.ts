import { awaitsArrival, chooseNextCall } from './remote-place.js';
import type { QueueCommand } from './commands.js';
import type { DecisionContext } from './decision-context.js';
import type { DeskState } from './desk-state.js';
import { refuse, type Decision } from './errors.js';
import { finishGaps } from './finish-requirements.js';
import type { Ticket } from './ticket.js';

type Command<T extends QueueCommand['type']> = Extract<QueueCommand, { type: T }>;

/** Why a place taken from home left the queue: its turn came twice before its visitor arrived. */
export const REMOTE_EXPIRED = 'remote-not-arrived';

function desk(ctx: DecisionContext, deskId: string): DeskState | Decision {
  const found = ctx.state.desks.get(deskId);
  return found ?? refuse('unknown-desk', `unknown desk "${deskId}"`);
}

function isDecision(value: unknown): value is Decision {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/** An open desk with nobody at it: where a call may happen. */
function freeOpenDesk(ctx: DecisionContext, deskId: string): DeskState | Decision {
  const d = desk(ctx, deskId);
  if (isDecision(d)) return d;
  if (d.status === 'closed') return refuse('desk-closed', 'the desk is closed');
  if (d.status === 'paused') return refuse('desk-paused', 'the desk is on a pause');
  if (d.currentTicketId) return refuse('desk-busy', 'finish, postpone or mark the current visitor first');
  return d;
}

/** The desk's current ticket, if it is in one of the given states. */
function currentTicket(ctx: DecisionContext, deskId: string, allowed: Ticket['status'][]): { desk: DeskState; ticket: Ticket } | Decision {
  const d = desk(ctx, deskId);
  if (isDecision(d)) return d;
  const ticket = d.currentTicketId ? ctx.state.tickets.get(d.currentTicketId) : undefined;
  if (!ticket) return refuse('no-current-ticket', 'no visitor at this desk');
  if (!allowed.includes(ticket.status)) {
    const code = allowed.includes('serving') && allowed.length === 1 ? 'ticket-not-serving' : 'ticket-not-called';
    return refuse(code, `the visitor's ticket is ${ticket.status}`);
  }
  return { desk: d, ticket };
}

export function decideDeskOpen(ctx: DecisionContext, command: Command<'desk.open'>): Decision {
  const d = desk(ctx, command.deskId);
  if (isDecision(d)) return d;
  if (!ctx.state.setup.operators.some((o) => o.id === command.operatorId)) return refuse('unknown-operator', `unknown operator "${command.operatorId}"`);
  if (d.status !== 'closed') return refuse('desk-already-open', d.operatorId === command.operatorId ? 'you have this desk open already' : 'another operator has this desk open');
  for (const other of ctx.state.desks.values()) {
    if (other.operatorId === command.operatorId && other.status !== 'closed')
      return refuse('operator-busy', `close desk "${other.deskId}" first`);
  }
  return { ok: true, events: [ctx.event({ type: 'desk.opened', deskId: d.deskId, operatorId: command.operatorId })] };
}

export function decideDeskPause(ctx: DecisionContext, command: Command<'desk.pause'>): Decision {
  const d = desk(ctx, command.deskId);
  if (isDecision(d)) return d;
  if (d.status === 'closed') return refuse('desk-closed', 'the desk is closed');
  if (d.status === 'paused') return refuse('desk-paused', 'the desk is on a pause already');
  if (d.currentTicketId) return refuse('desk-busy', 'finish with the current visitor first');
  return { ok: true, events: [ctx.event({ type: 'desk.paused', deskId: d.deskId, reason: command.reason })] };
}

export function decideDeskResume(ctx: DecisionContext, command: Command<'desk.resume'>): Decision {
  const d = desk(ctx, command.deskId);
  if (isDecision(d)) return d;
  if (d.status === 'closed') return refuse('desk-closed', 'the desk is closed; open it instead');
  if (d.status === 'open') return refuse('desk-already-open', 'the desk is open, not on a pause');
  return { ok: true, events: [ctx.event({ type: 'desk.resumed', deskId: d.deskId })] };
}

export function decideDeskClose(ctx: DecisionContext, command: Command<'desk.close'>): Decision {
  const d = desk(ctx, command.deskId);
  if (isDecision(d)) return d;
  if (d.status === 'closed') return refuse('desk-closed', 'the desk is closed already');
  const current = d.currentTicketId ? ctx.state.tickets.get(d.currentTicketId) : undefined;
  if (current && !command.force) return refuse('desk-busy', 'finish with the current visitor first');
  // Nobody will serve the visitor called here: back to their service's queue, in their old place.
  const released = current
    ? [ctx.event({ type: 'ticket.transferred', ticketId: current.id, fromDeskId: d.deskId, toServiceId: current.serviceId, queuedAt: current.queuedAt })]
    : [];
  // Visitors parked at a closing desk would wait for nobody: they go back to their service's queue
  // in their old place, where any desk serving it can call them.
  const parked = [...ctx.state.tickets.values()].filter((t) => t.status === 'postponed' && t.deskId === d.deskId);
  const returned = parked.map((t) =>
    ctx.event({ type: 'ticket.transferred', ticketId: t.id, fromDeskId: d.deskId, toServiceId: t.serviceId, queuedAt: t.queuedAt }),
  );
  return { ok: true, events: [...released, ...returned, ctx.event({ type: 'desk.closed', deskId: d.deskId })] };
}

export function decideCallNext(ctx: DecisionContext, command: Command<'ticket.call-next'>): Decision {
  const d = freeOpenDesk(ctx, command.deskId);
  if (isDecision(d)) return d;
  const { choice, passedOver } = chooseNextCall(ctx.state, d.deskId, ctx.now);
  if (!choice) return refuse('nothing-waiting', 'nobody is waiting for this desk');
  // Places taken from home whose turn came before their visitor arrived: skipped once, then gone.
  const passed = passedOver.map(({ ticket, outcome }) =>
    outcome === 'skipped'
      ? ctx.event({ type: 'ticket.remote-skipped', ticketId: ticket.id, deskId: d.deskId })
      : ctx.event({ type: 'ticket.cancelled', ticketId: ticket.id, reason: REMOTE_EXPIRED }),
  );
  return {
    ok: true,
    events: [...passed, ctx.event({ type: 'ticket.called', ticketId: choice.ticket.id, deskId: d.deskId, operatorId: d.operatorId!, reason: choice.reason })],
  };
}

export function decideCall(ctx: DecisionContext, command: Command<'ticket.call'>): Decision {
  const d = freeOpenDesk(ctx, command.deskId);
  if (isDecision(d)) return d;
  const ticket = ctx.state.tickets.get(command.ticketId);
  if (!ticket) return refuse('unknown-ticket', 'no such ticket in the queue');
  if (ticket.status !== 'waiting') return refuse('ticket-not-waiting', `the ticket is ${ticket.status}`);
  if (awaitsArrival(ticket)) return refuse('remote-not-arrived', 'this place was taken from home and its visitor has not said they are here');
  const serves = ctx.state.setup.desks.find((x) => x.id === d.deskId)?.services.some((s) => s.serviceId === ticket.serviceId);
  if (ticket.targetDeskId !== undefined ? ticket.targetDeskId !== d.deskId : !serves)
    return refuse('desk-not-serving-service', 'this desk does not serve that ticket');
  return {
    ok: true,
    events: [ctx.event({ type: 'ticket.called', ticketId: ticket.id, deskId: d.deskId, operatorId: d.operatorId!, reason: 'chosen-by-operator' })],
  };
}

export function decideRecall(ctx: DecisionContext, command: Command<'ticket.recall'>): Decision {
  const current = currentTicket(ctx, command.deskId, ['called']);
  if (isDecision(current)) return current;
  const { ticket } = current;
  if (ticket.recalls >= ctx.state.setup.rules.recallLimit)
    return { ok: true, events: [ctx.event({ type: 'ticket.no-show', ticketId: ticket.id, deskId: command.deskId, reason: 'recall-limit' })] };
  return { ok: true, events: [ctx.event({ type: 'ticket.recalled', ticketId: ticket.id, deskId: command.deskId, recalls: ticket.recalls + 1 })] };
}

export function decideStart(ctx: DecisionContext, command: Command<'ticket.start'>): Decision {
  const current = currentTicket(ctx, command.deskId, ['called']);
  if (isDecision(current)) return current;
  return { ok: true, events: [ctx.event({ type: 'ticket.serving-started', ticketId: current.ticket.id, deskId: command.deskId })] };
}

export function decideFinish(ctx: DecisionContext, command: Command<'ticket.finish'>): Decision {
  const current = currentTicket(ctx, command.deskId, ['serving']);
  if (isDecision(current)) return current;
  const { ticket, desk: d } = current;
  if (command.outcomeId !== undefined) {
    const service = ctx.state.setup.services.find((s) => s.id === ticket.serviceId);
    if (!service?.outcomes.some((o) => o.id === command.outcomeId)) return refuse('unknown-outcome', `"${command.outcomeId}" is not an outcome of this service`);
  }
  const gaps = finishGaps(ctx.state.setup, ticket, command.outcomeId);
  if (gaps.includes('document-check')) return refuse('document-check-required', 'record whether the priority document was shown first');
  if (gaps.includes('outcome')) return refuse('outcome-required', 'this visit needs an outcome');
  return {
    ok: true,
    events: [
      ctx.event({
        type: 'ticket.finished',
        ticketId: ticket.id,
        deskId: d.deskId,
        operatorId: d.operatorId ?? ticket.operatorId ?? '',
        ...(command.outcomeId !== undefined && { outcomeId: command.outcomeId }),
        serviceMs: Math.max(0, ctx.now - (ticket.servingStartedAt ?? ticket.calledAt ?? ctx.now)),
      }),
    ],
  };
}

export function decideNoShow(ctx: DecisionContext, command: Command<'ticket.no-show'>): Decision {
  const current = currentTicket(ctx, command.deskId, ['called']);
  if (isDecision(current)) return current;
  return { ok: true, events: [ctx.event({ type: 'ticket.no-show', ticketId: current.ticket.id, deskId: command.deskId, reason: 'operator' })] };
}

export function decideTransfer(ctx: DecisionContext, command: Command<'ticket.transfer'>): Decision {
  if ((command.toServiceId === undefined) === (command.toDeskId === undefined))
    return refuse('invalid-value', 'transfer to exactly one of a service or a desk');
  const current = currentTicket(ctx, command.deskId, ['called', 'serving']);
  if (isDecision(current)) return current;
  const { ticket } = current;
  if (command.toServiceId !== undefined && !ctx.state.setup.services.some((s) => s.id === command.toServiceId))
    return refuse('unknown-service', `unknown service "${command.toServiceId}"`);
  if (command.toDeskId !== undefined && !ctx.state.desks.has(command.toDeskId)) return refuse('unknown-desk', `unknown desk "${command.toDeskId}"`);
  return {
    ok: true,
    events: [
      ctx.event({
        type: 'ticket.transferred',
        ticketId: ticket.id,
        fromDeskId: command.deskId,
        toServiceId: command.toServiceId ?? ticket.serviceId,
        ...(command.toDeskId !== undefined && { toDeskId: command.toDeskId }),
        queuedAt: command.keepPlace === false ? ctx.now : ticket.queuedAt,
        ...(command.comment !== undefined && { comment: command.comment }),
      }),
    ],
  };
}

export function decidePostpone(ctx: DecisionContext, command: Command<'ticket.postpone'>): Decision {
  const current = currentTicket(ctx, command.deskId, ['called', 'serving']);
  if (isDecision(current)) return current;
  return { ok: true, events: [ctx.event({ type: 'ticket.postponed', ticketId: current.ticket.id, deskId: command.deskId })] };
}

export function decideTakeBack(ctx: DecisionContext, command: Command<'ticket.take-back'>): Decision {
  const d = freeOpenDesk(ctx, command.deskId);
  if (isDecision(d)) return d;
  const ticket = ctx.state.tickets.get(command.ticketId);
  if (!ticket) return refuse('unknown-ticket', 'no such ticket in the queue');
  if (ticket.status !== 'postponed' || ticket.deskId !== d.deskId) return refuse('ticket-not-postponed', 'the ticket is not parked at this desk');
  return {
    ok: true,
    events: [ctx.event({ type: 'ticket.called', ticketId: ticket.id, deskId: d.deskId, operatorId: d.operatorId!, reason: 'taken-back' })],
  };
}

export function decideConfirmCategory(ctx: DecisionContext, command: Command<'ticket.confirm-category'>): Decision {
  const current = currentTicket(ctx, command.deskId, ['called', 'serving']);
  if (isDecision(current)) return current;
  if (current.ticket.kind !== 'priority') return refuse('ticket-not-priority', 'the visitor has a plain ticket');
  return {
    ok: true,
    events: [ctx.event({ type: 'ticket.category-checked', ticketId: current.ticket.id, deskId: command.deskId, documentSeen: command.documentSeen })],
  };
}

export function decideRate(ctx: DecisionContext, command: Command<'ticket.rate'>): Decision {
  if (!Number.isInteger(command.value) || command.value < 1 || command.value > 5) return refuse('invalid-value', 'a rating is 1 to 5');
  const d = desk(ctx, command.deskId);
  if (isDecision(d)) return d;
  if (d.lastFinishedTicketId !== command.ticketId || d.lastFinishedRated)
    return refuse('rating-not-expected', 'no rating is expected for that ticket at this desk');
  return { ok: true, events: [ctx.event({ type: 'ticket.rated', ticketId: command.ticketId, deskId: d.deskId, value: command.value })] };
}
