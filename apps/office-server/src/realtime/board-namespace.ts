import { boardCommands, type BoardResults, type BoardState } from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import type { OfficeContext } from '../office-context.js';
import { routeCommands, type CommandHandlers } from './command-router.js';
import { identityOf, requireDevice } from './handshake.js';
import type { RealtimeOptions } from './realtime-options.js';

export function setUpBoardNamespace(
  namespace: Namespace,
  context: OfficeContext,
  options: RealtimeOptions,
  boardState: () => BoardState,
): void {
  requireDevice(namespace, context, 'board');
  namespace.on('connection', (socket: Socket) => {
    const board = identityOf(socket).device!;
    context.devices.set({ kind: 'board', id: board.id, name: board.name, online: true, status: 'connected' });
    const handlers: CommandHandlers<typeof boardCommands, BoardResults> = {
      'board:snapshot': () => ({ ok: true, state: boardState() }),
    };
    routeCommands(socket, boardCommands, handlers, { ...options.router, role: 'board' });
    socket.emit('board:state', boardState());
    socket.on('disconnect', () =>
      context.devices.set({ kind: 'board', id: board.id, name: board.name, online: false, status: 'disconnected' }),
    );
  });
}
