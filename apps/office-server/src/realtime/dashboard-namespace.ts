import { dashboardCommands, type DashboardResults, type DashboardState } from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import type { OfficeContext } from '../office-context.js';
import { routeCommands, type CommandHandlers } from './command-router.js';
import { requireOperator } from './handshake.js';
import type { RealtimeOptions } from './realtime-options.js';

export function setUpDashboardNamespace(
  namespace: Namespace,
  context: OfficeContext,
  options: RealtimeOptions,
  dashboardState: () => DashboardState,
): void {
  requireOperator(namespace, context, ['head', 'admin']);
  namespace.on('connection', (socket: Socket) => {
    const handlers: CommandHandlers<typeof dashboardCommands, DashboardResults> = {
      'dashboard:snapshot': () => ({ ok: true, state: dashboardState() }),
    };
    routeCommands(socket, dashboardCommands, handlers, { ...options.router, role: 'dashboard' });
    socket.emit('dashboard:state', dashboardState());
  });
}
