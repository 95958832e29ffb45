import type { QueueCommand } from './commands.js';
import type { DecisionContext } from './decision-context.js';
import { refuse, type Decision } from './errors.js';
import { formatTicketNumber } from './ticket-number.js';
import { describeLocal, issuingWindow, officeDayOf } from './office-hours.js';
import type { Ticket } from './ticket.js';
import { arrivedDecision, remoteTicketByCode } from './decide-remote.js';

type Command<T extends QueueCommand['type']> = Extract<QueueCommand, { type: T }>;
const MINUTE = 60_000;

function officeClosed(ctx: DecisionContext): Decision | undefined {
  const window = issuingWindow(ctx.state.setup.schedule, ctx.now);
  if (window.open) return undefined;
  const when = window.opensAt !== undefined ? ` until ${describeLocal(ctx.state.setup.schedule, window.opensAt)}` : '';
  return refuse('office-closed', `the office is not issuing tickets now${when}`);
}

/** The next number of a service today; numbers never repeat within an office day. */
function nextNumber(ctx: DecisionContext, serviceId: string): { officeDay: string; number: string } | undefined {
  const service = ctx.state.setup.services.find((s) => s.id === serviceId);
  if (!service) return undefined;
  const officeDay = officeDayOf(ctx.state.setup.schedule, ctx.now);
  const last = ctx.state.lastNumbers.get(`${officeDay}|${serviceId}`) ?? 0;
  return { officeDay, number: formatTicketNumber(service.prefix, last + 1) };
}

/** Codes are typed by people at a kiosk: case and stray spaces do not matter. */
export function normalizeBookingCode(code: string): string {
  return code.trim().toUpperCase();
}

export function decideIssue(ctx: DecisionContext, command: Command<'ticket.issue'>): Decision {
  const { state, now } = ctx;
  if (!state.setup.services.some((s) => s.id === command.serviceId)) return refuse('unknown-service', `unknown service "${command.serviceId}"`);
  if (command.categoryId !== undefined && !state.setup.categories.some((c) => c.id === command.categoryId))
    return refuse('unknown-category', `unknown priority category "${command.categoryId}"`);
  const closed = officeClosed(ctx);
  if (closed) return closed;
  const { officeDay, number } = nextNumber(ctx, command.serviceId)!;
  const ticket: Ticket = {
    id: command.ticketId,
    number,
    serviceId: command.serviceId,
    officeDay,
    kind: command.categoryId !== undefined ? 'priority' : 'walk-in',
    ...(command.categoryId !== undefined && { categoryId: command.categoryId, categoryCheck: 'pending' as const }),
    ...(command.accountNumber !== undefined && { accountNumber: command.accountNumber }),
    issuedAt: now,
    queuedAt: now,
    status: 'waiting',
    recalls: 0,
  };
  return { ok: true, events: [ctx.event({ type: 'ticket.issued', ticket })] };
}

export function decideCheckIn(ctx: DecisionContext, command: Command<'booking.check-in'>): Decision {
  const { state, now } = ctx;
  const code = normalizeBookingCode(command.code);
  const booking = [...state.bookings.values()].find((b) => b.code === code);
  // The same kiosk field takes a place taken from home's arrival code: the visitor is here now.
  const remote = booking ? undefined : remoteTicketByCode(ctx, code);
  if (remote) return arrivedDecision(ctx, remote, 'kiosk');
  if (!booking) return refuse('booking-not-found', 'no booking with this code is waiting to be checked in');
  const closed = officeClosed(ctx);
  if (closed) return closed;
  const { bookingCheckInEarlyMinutes, bookingLateGraceMinutes } = state.setup.rules;
  const earliest = booking.slotStart - bookingCheckInEarlyMinutes * MINUTE;
  if (now < earliest) return refuse('booking-too-early', `check-in opens at ${describeLocal(state.setup.schedule, earliest)}`);
  const number = nextNumber(ctx, booking.serviceId);
  if (!number) return refuse('unknown-service', `the booked service "${booking.serviceId}" is no longer offered`);
  const late = now > booking.slotStart + bookingLateGraceMinutes * MINUTE;
  if (late && !command.acceptWalkIn)
    return refuse('booking-too-late', `the slot started more than ${bookingLateGraceMinutes} minutes ago; a plain ticket is possible`);
  const ticket: Ticket = {
    id: command.ticketId,
    number: number.number,
    serviceId: booking.serviceId,
    officeDay: number.officeDay,
    kind: late ? 'walk-in' : 'booking',
    ...(!late && { bookingId: booking.id, bookingSlotStart: booking.slotStart }),
    issuedAt: now,
    // Early arrivals queue as if they came at their slot time; they are due from then.
    queuedAt: !late && now < booking.slotStart ? booking.slotStart : now,
    status: 'waiting',
    recalls: 0,
  };
  return {
    ok: true,
    events: [
      ctx.event({ type: 'ticket.issued', ticket, ...(late && { lateBookingId: booking.id }) }),
      ctx.event({ type: 'booking.checked-in', bookingId: booking.id, ticketId: ticket.id, late }),
    ],
  };
}

export function decideBookingCreate(ctx: DecisionContext, command: Command<'booking.create'>): Decision {
  const { state, now } = ctx;
  if (!state.setup.services.some((s) => s.id === command.serviceId)) return refuse('unknown-service', `unknown service "${command.serviceId}"`);
  if (!Number.isInteger(command.slotMinutes) || command.slotMinutes <= 0) return refuse('invalid-value', 'slot length must be a positive number of minutes');
  const code = normalizeBookingCode(command.code);
  if (code === '') return refuse('invalid-value', 'a booking needs a code');
  for (const b of state.bookings.values()) {
    if (b.id === command.bookingId || b.code === code) return refuse('booking-duplicate', 'a booking with this id or code is pending');
  }
  if (command.slotStart + command.slotMinutes * MINUTE <= now) return refuse('booking-in-past', 'the slot is over');
  if (command.customerPhone !== undefined && command.phoneConsentAt === undefined)
    return refuse('invalid-value', "a phone is kept only with the visitor's consent to its processing");
  return {
    ok: true,
    events: [
      ctx.event({
        type: 'booking.created',
        booking: {
          id: command.bookingId,
          code,
          serviceId: command.serviceId,
          slotStart: command.slotStart,
          slotMinutes: command.slotMinutes,
          source: command.source,
          ...(command.customerName !== undefined && { customerName: command.customerName }),
          ...(command.customerPhone !== undefined && command.phoneConsentAt !== undefined && { customerPhone: command.customerPhone, phoneConsentAt: command.phoneConsentAt }),
        },
      }),
    ],
  };
}

export function decideBookingCancel(ctx: DecisionContext, command: Command<'booking.cancel'>): Decision {
  if (!ctx.state.bookings.has(command.bookingId)) return refuse('booking-not-found', 'no such booking waiting');
  return { ok: true, events: [ctx.event({ type: 'booking.cancelled', bookingId: command.bookingId })] };
}
