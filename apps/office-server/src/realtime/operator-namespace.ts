import type { Actor, QueueCommand } from '@talon/domain';
import { operatorCommands, type DeskView, type OperatorResults } from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import { authorise, ticketWithinDesk } from '../auth/permissions.js';
import type { OfficeContext } from '../office-context.js';
import { deskOfOperator, deskView } from '../views/desk-view.js';
import { operatorState } from '../views/operator-state.js';
import { createOperatorDayCounts } from '../views/operator-day-counts.js';
import { fail, routeCommands, type CommandHandlers } from './command-router.js';
import { identityOf, requireOperator } from './handshake.js';
import { permittedHandlers } from './permitted-handlers.js';
import { refusalOf } from './queue-ack.js';
import type { RealtimeOptions } from './realtime-options.js';

type DeskAck = Promise<{ ok: true; desk: DeskView | null } | ReturnType<typeof fail>>;

export function operatorRoom(operatorId: string): string {
  return `operator:${operatorId}`;
}

export function setUpOperatorNamespace(namespace: Namespace, context: OfficeContext, options: RealtimeOptions): void {
  requireOperator(namespace, context, '/operator');
  const dayCounts = createOperatorDayCounts(context.db);
  namespace.on('connection', (socket: Socket) => {
    const operator = identityOf(socket).operator!;
    const actor: Actor = { kind: 'operator', operatorId: operator.id };
    void socket.join(operatorRoom(operator.id));
    context.logger.info({ operator: operator.id }, 'operator connected');

    const stateNow = () => {
      const now = context.clock.now();
      return operatorState(context.directory, context.queue.state, operator, now, dayCounts(context.queue.state, operator.id, now));
    };
    const currentDesk = () => deskOfOperator(context.queue.state, operator.id);
    const deskNow = (): DeskView | null => {
      const desk = currentDesk();
      return desk ? deskView(context.directory, context.queue.state, desk) : null;
    };
    /** Runs a command at the operator's open desk and answers with the desk as it is after it. */
    const atDesk = async (build: (deskId: string) => QueueCommand): DeskAck => {
      const desk = currentDesk();
      if (!desk) return fail('desk-closed', 'open a desk first');
      const decision = await context.queue.execute(build(desk.deskId), actor);
      return refusalOf(decision) ?? { ok: true, desk: deskNow() };
    };

    // Every command but the cancel (a row of its own) is the table's "desk work" at the own desk,
    // asked with the roles as they are now.
    const handlers: CommandHandlers<typeof operatorCommands, OperatorResults> = permittedHandlers({
      'desk:open': async ({ deskId }) => {
        const decision = await context.queue.execute({ type: 'desk.open', deskId, operatorId: operator.id }, actor);
        return refusalOf(decision) ?? { ok: true, desk: deskNow() };
      },
      'desk:pause': ({ reason }) => atDesk((deskId) => ({ type: 'desk.pause', deskId, reason })),
      'desk:resume': () => atDesk((deskId) => ({ type: 'desk.resume', deskId })),
      'desk:close': () => atDesk((deskId) => ({ type: 'desk.close', deskId })),
      'ticket:call-next': () => atDesk((deskId) => ({ type: 'ticket.call-next', deskId })),
      'ticket:call': ({ ticketId }) => atDesk((deskId) => ({ type: 'ticket.call', deskId, ticketId })),
      'ticket:recall': () => atDesk((deskId) => ({ type: 'ticket.recall', deskId })),
      'ticket:start': () => atDesk((deskId) => ({ type: 'ticket.start', deskId })),
      'ticket:finish': ({ outcomeId }) =>
        atDesk((deskId) => ({ type: 'ticket.finish', deskId, ...(outcomeId && { outcomeId }) })),
      'ticket:no-show': () => atDesk((deskId) => ({ type: 'ticket.no-show', deskId })),
      'ticket:transfer': ({ toServiceId, toDeskId, keepPlace, comment }) =>
        atDesk((deskId) => ({
          type: 'ticket.transfer',
          deskId,
          ...(toServiceId && { toServiceId }),
          ...(toDeskId && { toDeskId }),
          ...(keepPlace !== undefined && { keepPlace }),
          ...(comment && { comment }),
        })),
      'ticket:postpone': () => atDesk((deskId) => ({ type: 'ticket.postpone', deskId })),
      'ticket:take-back': ({ ticketId }) => atDesk((deskId) => ({ type: 'ticket.take-back', deskId, ticketId })),
      'ticket:confirm-category': ({ documentSeen }) =>
        atDesk((deskId) => ({ type: 'ticket.confirm-category', deskId, documentSeen })),
      'ticket:cancel': async ({ ticketId, reason }) => {
        const ticket = context.queue.state.tickets.get(ticketId);
        if (!ticket) return fail('unknown-ticket', 'no such ticket in the queue');
        const person = identityOf(socket).operator!;
        const allowed = authorise(person.roles, 'operator ticket:cancel', ticketWithinDesk(context.queue.state, currentDesk(), ticket));
        if (!allowed.ok) return allowed;
        // Beyond the own desk the event names the right used: the event log is the audit trail.
        const by: Actor = allowed.authority ? { ...actor, authority: allowed.authority } : actor;
        if (allowed.authority) context.logger.info({ operator: operator.id, ticket: ticketId, authority: allowed.authority }, 'ticket cancelled beyond own desk');
        const decision = await context.queue.execute({ type: 'ticket.cancel', ticketId, reason }, by);
        return refusalOf(decision) ?? { ok: true, desk: deskNow() };
      },
      'operator:snapshot': () => ({
        ok: true,
        state: stateNow(),
      }),
    }, () => authorise(identityOf(socket).operator!.roles, 'operator desk work', true), ['ticket:cancel']);
    routeCommands(socket, operatorCommands, handlers, { ...options.router, role: 'operator' });
    socket.emit('operator:state', stateNow());
    socket.on('disconnect', (reason) => context.logger.info({ operator: operator.id, reason }, 'operator disconnected'));
  });
}
