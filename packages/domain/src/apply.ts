import { releaseTargetsOf } from './create-queue-state.js';
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

/**
 * Counters of older office days are dropped when a ticket of a newer day is issued, so only the
 * current day's are kept. (A ticket of an older day, after a clock was set back, is still counted,
 * so its numbers do not repeat either; the newer day's counters stay.)
 */
function withIssuedNumber(lastNumbers: ReadonlyMap<string, number>, ticket: Ticket): ReadonlyMap<string, number> {
  const next = new Map<string, number>();
  for (const [key, n] of lastNumbers) if (key.slice(0, key.indexOf('|')) >= ticket.officeDay) next.set(key, n);
  const key = `${ticket.officeDay}|${ticket.serviceId}`;
  const sequence = Number(ticket.number.replace(/^\D+/, ''));
  next.set(key, Math.max(next.get(key) ?? 0, Number.isFinite(sequence) ? sequence : 0));
  return next;
}

/** Returns the state after one event; never changes the state it is given. */
export function apply(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'ticket.issued': {
      const ticket = event.ticket;
      return { ...withTicket(state, ticket), lastNumbers: withIssuedNumber(state.lastNumbers, ticket) };
    }
    case 'ticket.called': {
      if (!state.tickets.has(event.ticketId)) return state;
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
          // A desk gone from the config since (replayed history) cannot be waited for.
          ...(event.toDeskId !== undefined && state.desks.has(event.toDeskId) && { targetDeskId: event.toDeskId }),
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
    case 'ticket.arrived':
      return updateTicket(state, event.ticketId, (t) => (t.remote ? { ...t, remote: { ...t.remote, arrivedAt: event.at } } : t));
    case 'ticket.remote-skipped':
      return updateTicket(state, event.ticketId, (t) => (t.remote ? { ...t, remote: { ...t.remote, skippedAt: event.at } } : t));
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
    case 'desk.closed': {
      if (!state.setup.desks.some((d) => d.id === event.deskId)) {
        // Removed from the config while open: it disappears now that it is closed.
        if (!state.desks.has(event.deskId)) return state;
        const desks = new Map(state.desks);
        desks.delete(event.deskId);
        return { ...state, desks, tickets: releaseTargetsOf(state.tickets, new Set([event.deskId])) };
      }
      return updateDesk(state, event.deskId, (d) => ({
        deskId: d.deskId,
        status: 'closed',
        statusSince: event.at,
        priorityCallsInRow: 0,
        lastFinishedRated: d.lastFinishedRated,
        ...(d.lastFinishedTicketId !== undefined && { lastFinishedTicketId: d.lastFinishedTicketId }),
      }));
    }
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
