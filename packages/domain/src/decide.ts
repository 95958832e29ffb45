import type { CommandEnvelope } from './commands.js';
import {
  decideCall,
  decideCallNext,
  decideConfirmCategory,
  decideDeskClose,
  decideDeskOpen,
  decideDeskPause,
  decideDeskResume,
  decideFinish,
  decideNoShow,
  decidePostpone,
  decideRate,
  decideRecall,
  decideStart,
  decideTakeBack,
  decideTransfer,
} from './decide-desk.js';
import { decideBookingCancel, decideBookingCreate, decideCheckIn, decideIssue } from './decide-issue.js';
import { decisionContext } from './decision-context.js';
import { decideArrive, decideJoinRemote } from './decide-remote.js';
import { missingCase, refuse, type Decision } from './errors.js';
import { officeDayOf } from './office-hours.js';
import type { QueueState } from './queue-state.js';

/** Commands in, events out: what the rules allow, or why not. Pure; time and ids come in. */
export function decide(state: QueueState, envelope: CommandEnvelope): Decision {
  const { command } = envelope;
  const ctx = decisionContext(state, envelope.now, envelope.actor);
  switch (command.type) {
    case 'ticket.issue':
      return decideIssue(ctx, command);
    case 'booking.check-in':
      return decideCheckIn(ctx, command);
    case 'ticket.join-remote':
      return decideJoinRemote(ctx, command);
    case 'ticket.arrive':
      return decideArrive(ctx, command);
    case 'booking.create':
      return decideBookingCreate(ctx, command);
    case 'booking.cancel':
      return decideBookingCancel(ctx, command);
    case 'desk.open':
      return decideDeskOpen(ctx, command);
    case 'desk.pause':
      return decideDeskPause(ctx, command);
    case 'desk.resume':
      return decideDeskResume(ctx, command);
    case 'desk.close':
      return decideDeskClose(ctx, command);
    case 'ticket.call-next':
      return decideCallNext(ctx, command);
    case 'ticket.call':
      return decideCall(ctx, command);
    case 'ticket.recall':
      return decideRecall(ctx, command);
    case 'ticket.start':
      return decideStart(ctx, command);
    case 'ticket.finish':
      return decideFinish(ctx, command);
    case 'ticket.no-show':
      return decideNoShow(ctx, command);
    case 'ticket.transfer':
      return decideTransfer(ctx, command);
    case 'ticket.postpone':
      return decidePostpone(ctx, command);
    case 'ticket.take-back':
      return decideTakeBack(ctx, command);
    case 'ticket.confirm-category':
      return decideConfirmCategory(ctx, command);
    case 'ticket.rate':
      return decideRate(ctx, command);
    case 'ticket.cancel': {
      const ticket = state.tickets.get(command.ticketId);
      if (!ticket) return refuse('unknown-ticket', 'no such ticket in the queue');
      return { ok: true, events: [ctx.event({ type: 'ticket.cancelled', ticketId: ticket.id, reason: command.reason })] };
    }
    case 'day.close-earlier': {
      const officeDay = officeDayOf(state.setup.schedule, envelope.now);
      const cancelledTicketIds = [...state.tickets.values()].filter((t) => t.officeDay < officeDay).map((t) => t.id);
      const expiredBookingIds = [...state.bookings.values()]
        .filter((b) => officeDayOf(state.setup.schedule, b.slotStart + b.slotMinutes * 60_000) < officeDay)
        .map((b) => b.id);
      if (cancelledTicketIds.length === 0 && expiredBookingIds.length === 0) return { ok: true, events: [] };
      return { ok: true, events: [ctx.event({ type: 'day.earlier-closed', officeDay, cancelledTicketIds, expiredBookingIds })] };
    }
    default:
      return missingCase(command);
  }
}
