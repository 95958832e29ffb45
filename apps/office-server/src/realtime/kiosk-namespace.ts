import { issuingWindow, peopleAheadOf, type Actor, type QueueCommand } from '@talon/domain';
import { addressIn, documentIn, nameIn } from '@talon/messages';
import { kioskCommands, type IssuedTicket, type KioskResults, type PrintJobTicket } from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import type { OfficeContext } from '../office-context.js';
import { newId } from '../ids.js';
import { kioskRoom, type PrintDispatcher } from '../printing/print-dispatcher.js';
import { kioskCommonState, kioskState } from '../views/kiosk-state.js';
import { ticketView } from '../views/ticket-view.js';
import { createBookingRecordReader, withBookingRecord, withCheckInTimes } from './check-in-refusal.js';
import { mayNotBeServedToday } from './closing-warning.js';
import { fail, routeCommands, type CommandHandlers } from './command-router.js';
import { identityOf, requireDevice } from './handshake.js';
import { refusalOf } from './queue-ack.js';
import type { RealtimeOptions } from './realtime-options.js';

export function setUpKioskNamespace(
  namespace: Namespace,
  context: OfficeContext,
  options: RealtimeOptions,
  print: PrintDispatcher,
): void {
  requireDevice(namespace, context, 'kiosk');
  const bookingRecord = createBookingRecordReader(context.db);
  namespace.on('connection', (socket: Socket) => {
    const kiosk = identityOf(socket).device!;
    const actor: Actor = { kind: 'kiosk', deviceId: kiosk.id };
    void socket.join(kioskRoom(kiosk.id));
    context.devices.set({ kind: 'kiosk', id: kiosk.id, name: kiosk.name, online: true, status: 'connected' });

    const kioskStateNow = () => {
      const now = context.clock.now();
      return kioskState(context.directory, context.queue.state, context.devices, kiosk.id, now, kioskCommonState(context.directory, context.queue.state, now, context.waits));
    };

    const issue = async (command: QueueCommand & { ticketId: string }, language: 'ru' | 'en' | undefined) => {
      const decision = await context.queue.execute(command, actor);
      const refusal = refusalOf(decision);
      if (refusal && command.type === 'booking.check-in') {
        const timed = withCheckInTimes(refusal, context.queue.state, command.code);
        return withBookingRecord(timed, bookingRecord(command.code));
      }
      if (refusal) return refusal;
      const issuedEvent = decision.ok ? decision.events.find((e) => e.type === 'ticket.issued') : undefined;
      // A place taken from home: its code at the kiosk marks the visitor arrived; their ticket is printed.
      const arrivedEvent = decision.ok ? decision.events.find((e) => e.type === 'ticket.arrived') : undefined;
      const state = context.queue.state;
      const arrivedTicket = arrivedEvent?.type === 'ticket.arrived' ? state.tickets.get(arrivedEvent.ticketId) : undefined;
      if ((!issuedEvent || issuedEvent.type !== 'ticket.issued') && !arrivedTicket) return fail('internal', 'no ticket was issued');
      const ticket = arrivedTicket ?? state.tickets.get(command.ticketId) ?? (issuedEvent as Extract<typeof issuedEvent, { type: 'ticket.issued' }>).ticket;
      const now = context.clock.now();
      const told = context.waits.forTicket(ticket.id);
      if (told) context.waits.remember(ticket, told);
      const wait = { peopleAhead: peopleAheadOf(state, ticket.serviceId, now, ticket.id), estimatedWaitMin: told?.estimateMin ?? null };
      const waitRange = told ? { waitRange: { fromMin: told.fromMin, toMin: told.toMin } } : {};
      const window = issuingWindow(state.setup.schedule, now);
      const setupService = state.setup.services.find((s) => s.id === ticket.serviceId);
      const mayNotBeServed = mayNotBeServedToday({
        now,
        closesAt: window.closesAt,
        estimatedWaitMin: wait.estimatedWaitMin,
        peopleAhead: wait.peopleAhead,
        normMinutes: setupService?.normMinutes ?? 10,
        desksServing: state.setup.desks.filter((d) => d.services.some((s) => s.serviceId === ticket.serviceId)).length,
      });
      const view = ticketView(context.directory, ticket);
      const publicUrl = options.publicUrl();
      const trackUrl = options.phonePageUrl?.(ticket) ?? (publicUrl ? `${publicUrl}/t/${ticket.id}` : undefined);
      // A ticket in English names the office, its address and the service in English where the config gives those names.
      const office = context.directory.config.office;
      const officeAddress = addressIn(office, language ?? 'ru');
      const printed: PrintJobTicket = {
        officeName: nameIn(office, language ?? 'ru'),
        ...(officeAddress !== undefined && { officeAddress }),
        number: ticket.number,
        serviceName: nameIn({ name: view.serviceName, nameEn: view.serviceNameEn }, language ?? 'ru'),
        issuedAt: ticket.issuedAt,
        timeZone: state.setup.schedule.timeZone,
        peopleAhead: wait.peopleAhead,
        estimatedWaitMin: wait.estimatedWaitMin,
        ...waitRange,
        ...(ticket.kind === 'priority' && view.categoryName && { mark: priorityMark(context.directory.config.categories, ticket.categoryId, view.categoryName, language) }),
        ...(ticket.kind === 'booking' && ticket.bookingSlotStart !== undefined && {
          mark: { kind: 'booking' as const, slotTime: localTime(ticket.bookingSlotStart, state.setup.schedule.timeZone) },
        }),
        ...(trackUrl && { trackUrl }),
        language: language ?? 'ru',
      };
      if (!arrivedTicket) context.metrics.ticketIssued(ticket.serviceId);
      context.logger.info({ ticket: ticket.number, service: ticket.serviceId, kind: ticket.kind, kiosk: kiosk.id }, 'ticket issued');
      const result: IssuedTicket = {
        ticket: view,
        peopleAhead: wait.peopleAhead,
        estimatedWaitMin: wait.estimatedWaitMin,
        ...waitRange,
        mayNotBeServedToday: mayNotBeServed,
        ...(window.closesAt !== undefined && { closesAt: window.closesAt }),
        print: print(kiosk.id, ticket.id, printed),
        ...(trackUrl && { trackUrl }),
        ...(issuedEvent?.type === 'ticket.issued' && issuedEvent.lateBookingId && { lateBooking: true }),
        ...(arrivedTicket && { remoteArrival: true }),
      };
      return { ok: true as const, ...result };
    };

    const handlers: CommandHandlers<typeof kioskCommands, KioskResults> = {
      'ticket:issue': ({ serviceId, categoryId, accountNumber, language }) =>
        issue(
          {
            type: 'ticket.issue',
            ticketId: newId('t'),
            serviceId,
            ...(categoryId && { categoryId }),
            ...(accountNumber && { accountNumber }),
          },
          language,
        ),
      'booking:check-in': async ({ code, acceptWalkIn, language }) => {
        // Codes must not be walkable: wrong ones count per kiosk token and per address, and past
        // either limit even a right code waits for the window to end (logged aggregated).
        const address = socket.handshake.address;
        const source = `${kiosk.id}@${address}`;
        if (context.edge.checkInBlocked(kiosk.id, address)) {
          context.edge.refusals.refused(source, 'check-in-guesses');
          return fail('too-many-attempts', 'too many wrong booking codes from this kiosk; wait and try again');
        }
        const result = await issue(
          { type: 'booking.check-in', ticketId: newId('t'), code, ...(acceptWalkIn !== undefined && { acceptWalkIn }) },
          language,
        );
        if (!result.ok && result.code === 'booking-not-found') {
          context.edge.checkInMissed(kiosk.id, address);
          context.edge.refusals.refused(source, 'booking-not-found');
        }
        return result;
      },
      'kiosk:snapshot': () => ({
        ok: true,
        state: kioskStateNow(),
      }),
    };
    routeCommands(socket, kioskCommands, handlers, { ...options.router, role: 'kiosk' });
    socket.emit('kiosk:state', kioskStateNow());
    socket.on('disconnect', () => {
      const stillThere = namespace.adapter.rooms.get(kioskRoom(kiosk.id));
      if (!stillThere || stillThere.size === 0)
        context.devices.set({ kind: 'kiosk', id: kiosk.id, name: kiosk.name, online: false, status: 'disconnected' });
    });
  });
}

/**
 * A priority ticket says which document to show at the desk (the category's `document`), so the
 * visitor has it in hand when called; in English where the config gives English names.
 */
function priorityMark(
  categories: readonly { id: string; nameEn?: string | undefined; document: string; documentEn?: string | undefined }[],
  categoryId: string | undefined,
  categoryName: string,
  language: 'ru' | 'en' | undefined,
): { kind: 'priority'; categoryName: string; document?: string } {
  const category = categories.find((c) => c.id === categoryId);
  const document = category && documentIn(category, language ?? 'ru');
  return { kind: 'priority', categoryName: nameIn({ name: categoryName, nameEn: category?.nameEn }, language ?? 'ru'), ...(document && { document }) };
}

function localTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
