import type { DeskState } from './desk-state.js';
import { missingCase } from './errors.js';
import type { QueueEvent } from './events.js';
import type { QueueState } from './queue-state.js';
import type { Ticket } from './ticket.js';

function withTicket(state: QueueState, ticket: Ticket): QueueState {
  const tickets = new Map(state.tickets);
  tickets.set(ticket.id, ticket);
  return { ...state, tickets };
}

function updateTicket(state: QueueState, ticketId: string, change: (ticket: Ticket) => Ticket): QueueState {
  const ticket = state.tickets.get(ticketId);
  return ticket ? withTicket(state, change(ticket)) : state;
}

/** Finished, no-show and cancelled tickets leave the live state; the server's tables keep them. */
function withoutTicket(state: QueueState, ticketId: string): QueueState {
  if (!state.tickets.has(ticketId)) return state;
  const tickets = new Map(state.tickets);
  tickets.delete(ticketId);
  return { ...state, tickets };
}

function updateDesk(state: QueueState, deskId: string, change: (desk: DeskState) => DeskState): QueueState {
  const desk = state.desks.get(deskId);
  if (!desk) return state;
  const desks = new Map(state.desks);
  desks.set(deskId, change(desk));
  return { ...state, desks };
}

/** Frees whichever desk holds the ticket. */
function releaseDesk(state: QueueState, ticketId: string): QueueState {
  for (const desk of state.desks.values()) {
    if (desk.currentTicketId === ticketId) {
      return updateDesk(state, desk.deskId, ({ currentTicketId: _released, ...rest }) => rest);
    }
  }
  return state;
}

function backToWaiting(ticket: Ticket): Ticket {
  const { deskId: _desk, operatorId: _operator, calledAt: _called, servingStartedAt: _started, ...rest } = ticket;
  return { ...rest, status: 'waiting', recalls: 0 };
}

/** Returns the state after one event; never changes the state it is given. */
export function apply(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'ticket.issued': {
      const ticket = event.ticket;
      const key = `${ticket.officeDay}|${ticket.serviceId}`;
      const lastNumbers = new Map<string, number>();
      for (const [k, n] of state.lastNumbers) if (k.startsWith(`${ticket.officeDay}|`)) lastNumbers.set(k, n);
      const sequence = Number(ticket.number.replace(/^\D+/, ''));
      lastNumbers.set(key, Math.max(lastNumbers.get(key) ?? 0, sequence));
      return { ...withTicket(state, ticket), lastNumbers };
    }
    case 'ticket.called': {
      const next = updateTicket(state, event.ticketId, (t) => {
        const { targetDeskId: _target, ...rest } = t;
        return { ...rest, status: 'called', deskId: event.deskId, operatorId: event.operatorId, calledAt: event.at, recalls: 0 };
      });
      const jumped = event.reason === 'priority' || event.reason === 'booking-due';
      return updateDesk(next, event.deskId, (d) => ({
        ...d,
        currentTicketId: event.ticketId,
        priorityCallsInRow: jumped ? d.priorityCallsInRow + 1 : 0,
      }));
    }
    case 'ticket.recalled':
      return updateTicket(state, event.ticketId, (t) => ({ ...t, recalls: event.recalls, calledAt: event.at }));
    case 'ticket.serving-started':
      return updateTicket(state, event.ticketId, (t) => ({ ...t, status: 'serving', servingStartedAt: event.at }));
    case 'ticket.finished': {
      const ticket = state.tickets.get(event.ticketId);
      let next = releaseDesk(state, event.ticketId);
      next = withoutTicket(next, event.ticketId);
      next = updateDesk(next, event.deskId, (d) => ({ ...d, lastFinishedTicketId: event.ticketId, lastFinishedRated: false }));
      if (!ticket) return next;
      const size = state.setup.rules.serviceTimeSampleSize;
      const samples = [...(state.recentServiceMs.get(ticket.serviceId) ?? []), event.serviceMs].slice(-size);
      const recentServiceMs = new Map(state.recentServiceMs);
      recentServiceMs.set(ticket.serviceId, samples);
      return { ...next, recentServiceMs };
    }
    case 'ticket.no-show':
    case 'ticket.cancelled':
      return withoutTicket(releaseDesk(state, event.ticketId), event.ticketId);
    case 'ticket.transferred': {
      const next = releaseDesk(state, event.ticketId);
      return updateTicket(next, event.ticketId, (t) => {
        const { targetDeskId: _target, transferComment: _comment, ...rest } = backToWaiting(t);
        return {
          ...rest,
          serviceId: event.toServiceId,
          queuedAt: event.queuedAt,
          ...(event.toDeskId !== undefined && { targetDeskId: event.toDeskId }),
          ...(event.comment !== undefined && { transferComment: event.comment }),
        };
      });
    }
    case 'ticket.postponed': {
      const next = releaseDesk(state, event.ticketId);
      return updateTicket(next, event.ticketId, (t) => ({ ...t, status: 'postponed', deskId: event.deskId }));
    }
    case 'ticket.category-checked':
      return updateTicket(state, event.ticketId, (t) =>
        event.documentSeen ? { ...t, categoryCheck: 'confirmed' } : { ...t, kind: 'walk-in', categoryCheck: 'rejected' },
      );
    case 'ticket.rated':
      return updateDesk(state, event.deskId, (d) => ({ ...d, lastFinishedRated: true }));
    case 'booking.created': {
      const bookings = new Map(state.bookings);
      bookings.set(event.booking.id, event.booking);
      return { ...state, bookings };
    }
    case 'booking.checked-in':
    case 'booking.cancelled': {
      if (!state.bookings.has(event.bookingId)) return state;
      const bookings = new Map(state.bookings);
      bookings.delete(event.bookingId);
      return { ...state, bookings };
    }
    case 'desk.opened':
      return updateDesk(state, event.deskId, (d) => ({
        ...d,
        status: 'open',
        operatorId: event.operatorId,
        statusSince: event.at,
        priorityCallsInRow: 0,
      }));
    case 'desk.paused':
      return updateDesk(state, event.deskId, (d) => ({ ...d, status: 'paused', pauseReason: event.reason, statusSince: event.at }));
    case 'desk.resumed':
      return updateDesk(state, event.deskId, ({ pauseReason: _reason, ...d }) => ({ ...d, status: 'open', statusSince: event.at }));
    case 'desk.closed':
      return updateDesk(state, event.deskId, (d) => ({
        deskId: d.deskId,
        status: 'closed',
        statusSince: event.at,
        priorityCallsInRow: 0,
        lastFinishedRated: d.lastFinishedRated,
        ...(d.lastFinishedTicketId !== undefined && { lastFinishedTicketId: d.lastFinishedTicketId }),
      }));
    case 'day.earlier-closed': {
      const tickets = new Map(state.tickets);
      for (const id of event.cancelledTicketIds) tickets.delete(id);
      const bookings = new Map(state.bookings);
      for (const id of event.expiredBookingIds) bookings.delete(id);
      let next: QueueState = { ...state, tickets, bookings };
      for (const desk of state.desks.values()) {
        if (desk.currentTicketId && event.cancelledTicketIds.includes(desk.currentTicketId)) {
          next = updateDesk(next, desk.deskId, ({ currentTicketId: _gone, ...rest }) => rest);
        }
      }
      return next;
    }
    default:
      return missingCase(event);
  }
}

export function applyAll(state: QueueState, events: readonly QueueEvent[]): QueueState {
  return events.reduce(apply, state);
}
