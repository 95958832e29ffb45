import type { QueueCommand } from './commands.js';
import type { DecisionContext } from './decision-context.js';
import { refuse, type Decision } from './errors.js';
import { describeLocal, issuingWindow, officeDayOf } from './office-hours.js';
import { formatTicketNumber } from './ticket-number.js';
import type { Ticket } from './ticket.js';

type Command<T extends QueueCommand['type']> = Extract<QueueCommand, { type: T }>;
const MINUTE = 60_000;

/**
 * "Join today's queue" from home. The office decides, as for a ticket at the kiosk: the service
 * must offer places from home, the office must be issuing, not within the service's cut-off before
 * closing, and under its cap of places from home waiting at once. The ticket's place is now.
 */
export function decideJoinRemote(ctx: DecisionContext, command: Command<'ticket.join-remote'>): Decision {
  const { state, now } = ctx;
  const service = state.setup.services.find((s) => s.id === command.serviceId);
  if (!service) return refuse('unknown-service', `unknown service "${command.serviceId}"`);
  const rules = service.remoteQueue;
  if (!rules) return refuse('remote-not-offered', `service "${service.id}" takes no places from home`);
  for (const t of state.tickets.values()) {
    if (t.remote?.requestKey === command.requestKey) return refuse('remote-duplicate', 'this request already has its ticket');
    if (t.remote?.code === command.code) return refuse('remote-duplicate', 'this arrival code is in use; choose another');
  }
  if ([...state.bookings.values()].some((b) => b.code === command.code)) return refuse('remote-duplicate', 'this code is a booking code; choose another');
  const window = issuingWindow(state.setup.schedule, now);
  if (!window.open) {
    const when = window.opensAt !== undefined ? ` until ${describeLocal(state.setup.schedule, window.opensAt)}` : '';
    return refuse('office-closed', `the office is not issuing tickets now${when}`);
  }
  if (window.closesAt !== undefined && now >= window.closesAt - rules.cutOffMinutes * MINUTE)
    return refuse('remote-cut-off', `no places from home in the last ${rules.cutOffMinutes} minutes before closing (${describeLocal(state.setup.schedule, window.closesAt)})`);
  const waiting = [...state.tickets.values()].filter((t) => t.remote !== undefined && t.serviceId === service.id && t.status === 'waiting').length;
  if (waiting >= rules.maxWaiting) return refuse('remote-full', `${rules.maxWaiting} places from home already wait for this service`);
  const officeDay = officeDayOf(state.setup.schedule, now);
  const last = state.lastNumbers.get(`${officeDay}|${service.id}`) ?? 0;
  const ticket: Ticket = {
    id: command.ticketId,
    number: formatTicketNumber(service.prefix, last + 1),
    serviceId: service.id,
    officeDay,
    kind: 'walk-in',
    issuedAt: now,
    queuedAt: now,
    status: 'waiting',
    recalls: 0,
    remote: { code: command.code, requestKey: command.requestKey },
  };
  return { ok: true, events: [ctx.event({ type: 'ticket.issued', ticket })] };
}

/** The phone page's «Я на месте» (the office has checked where the phone is). */
export function decideArrive(ctx: DecisionContext, command: Command<'ticket.arrive'>): Decision {
  const ticket = ctx.state.tickets.get(command.ticketId);
  if (!ticket || !ticket.remote) return refuse('unknown-ticket', 'no place taken from home with this ticket in the queue');
  return arrivedDecision(ctx, ticket, 'phone');
}

/** A place taken from home whose code was typed or scanned at the kiosk, if there is one. */
export function remoteTicketByCode(ctx: DecisionContext, code: string): Ticket | undefined {
  for (const t of ctx.state.tickets.values()) if (t.remote?.code === code) return t;
  return undefined;
}

export function arrivedDecision(ctx: DecisionContext, ticket: Ticket, via: 'kiosk' | 'phone'): Decision {
  if (ticket.remote?.arrivedAt !== undefined) return refuse('remote-already-arrived', 'this visitor has already said they are here');
  return { ok: true, events: [ctx.event({ type: 'ticket.arrived', ticketId: ticket.id, via })] };
}
