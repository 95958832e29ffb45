import { deviceCommands, type DeviceResults } from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import { assignmentsOf, makeAssignmentsFollowConfig } from '../devices/agent-assignments.js';
import type { OfficeContext } from '../office-context.js';
import { agentRoom } from '../printing/print-dispatcher.js';
import { createFormerButtons } from '../rating/former-buttons.js';
import { createRatingPresses } from '../rating/rating-presses.js';
import type { RatingWindows } from '../rating/rating-windows.js';
import { fail, routeCommands, type CommandHandlers } from './command-router.js';
import { identityOf, requireDevice } from './handshake.js';
import { refusalOf } from './queue-ack.js';
import type { RealtimeOptions } from './realtime-options.js';

export function setUpDeviceNamespace(
  namespace: Namespace,
  context: OfficeContext,
  options: RealtimeOptions,
  ratings: RatingWindows,
): void {
  requireDevice(namespace, context, 'agent');
  makeAssignmentsFollowConfig(namespace, context, ratings);
  const presses = createRatingPresses(context.db, () => context.clock.now());
  const formerButtons = createFormerButtons(() => context.clock.now());
  context.onConfigChanged((config, previous) => formerButtons.configChanged(config.ratingButtons, previous.ratingButtons));
  namespace.on('connection', (socket: Socket) => {
    const agent = identityOf(socket).device!;
    const room = agentRoom(agent.id);
    // One connection per agent, the newest: a PC that rebooted or lost its network reconnects
    // before the server notices the old socket is dead (up to the ping timeout), and must not
    // wait that long to print. Two live PCs on one token then take turns, each kicked out by the
    // other's reconnect, and every ticket still goes to exactly one of them; the warning below
    // is how an administrator finds out. The new socket joins first, so the old one's
    // disconnect does not mark the agent's printers offline in between.
    void socket.join(room);
    for (const olderId of [...(namespace.adapter.rooms.get(room) ?? [])].filter((id) => id !== socket.id)) {
      const older = namespace.sockets.get(olderId);
      context.logger.warn(
        { agent: agent.id, address: socket.handshake.address, olderAddress: older?.handshake.address },
        'device agent connected again; its older connection is closed (two PCs with one agent token take turns)',
      );
      older?.disconnect(true);
    }
    context.devices.set({ kind: 'agent', id: agent.id, name: agent.name, online: true, status: 'connected' });
    const owns = {
      printer: (printerId: string) => context.directory.config.printers.find((p) => p.id === printerId && p.agentId === agent.id),
      button: (deskId: string) => {
        const button = context.directory.buttonsByDesk.get(deskId);
        return button?.agentId === agent.id ? button : undefined;
      },
    };

    const handlers: CommandHandlers<typeof deviceCommands, DeviceResults> = {
      'device:hello': ({ printers, buttons }) => {
        for (const p of printers) {
          if (owns.printer(p.printerId))
            context.devices.set({ kind: 'printer', id: p.printerId, name: p.printerId, online: p.status !== 'offline', status: p.status });
        }
        for (const b of buttons) {
          if (owns.button(b.deskId))
            context.devices.set({ kind: 'rating-button', id: b.deskId, name: b.deskId, online: b.online, status: b.online ? 'online' : 'offline' });
        }
        for (const deskId of ratings.openDesksOf(agent.id)) socket.emit('rating:window', { deskId, open: true });
        return { ok: true, ...assignmentsOf(context.directory.config, agent.id) };
      },
      'printer:status': ({ printerId, status }) => {
        if (!owns.printer(printerId)) return fail('forbidden', `printer "${printerId}" is not this agent's`);
        context.devices.set({ kind: 'printer', id: printerId, name: printerId, online: status !== 'offline', status });
        return { ok: true };
      },
      'button:status': ({ deskId, online }) => {
        if (!owns.button(deskId)) return fail('forbidden', `the button of desk "${deskId}" is not this agent's`);
        context.devices.set({ kind: 'rating-button', id: deskId, name: deskId, online, status: online ? 'online' : 'offline' });
        return { ok: true };
      },
      'rating:submit': async ({ deskId, value, seq, buttonDeviceId, bootedAt }) => {
        const button = owns.button(deskId);
        // A press made just before the config gave the desk another unit or agent, held by the
        // agent until now, is still the visitor's.
        if (button?.deviceId !== buttonDeviceId && !formerButtons.wasRecently(deskId, agent.id, buttonDeviceId)) {
          if (!button) return fail('forbidden', `the button of desk "${deskId}" is not this agent's`);
          return fail('forbidden', `desk "${deskId}" has button ${button.deviceId}, not ${buttonDeviceId}`);
        }
        const window = ratings.windowAt(deskId);
        const press = presses.record({ deskId, buttonDeviceId, seq, value, ...(bootedAt !== undefined && { bootedAt }) }, window);
        if (press.repeatOf) {
          context.logger.info({ desk: deskId, seq, bootedAt, ticket: press.repeatOf.ticketId }, 'rating press heard again; counted once');
          // The driver put the light out when it took the copy for a new press (a new driver after
          // the agent restarted remembers no seq): light it again for the visitor now waiting.
          if (window && window.ticketId !== press.repeatOf.ticketId) socket.emit('rating:window', { deskId, open: true });
          // As before a restart: ticketId names what this submit rated, and a copy rates nothing.
          return { ok: true, ticketId: null, counted: false };
        }
        if (!window) return { ok: true, ticketId: null, counted: false };
        const decision = await context.queue.execute(
          { type: 'ticket.rate', deskId, ticketId: window.ticketId, value },
          { kind: 'device', deviceId: agent.id },
        );
        const refusal = refusalOf(decision);
        presses.settle(press.id, refusal ? 'refused' : 'counted');
        if (refusal) return refusal.code === 'rating-not-expected' ? { ok: true, ticketId: null, counted: false } : refusal;
        context.logger.info({ desk: deskId, value }, 'rating received');
        return { ok: true, ticketId: window.ticketId, counted: true };
      },
    };
    routeCommands(socket, deviceCommands, handlers, { ...options.router, role: 'device' });
    socket.on('disconnect', () => {
      // Replaced by a newer connection of the same agent: that one speaks for the devices now.
      if ((namespace.adapter.rooms.get(room)?.size ?? 0) > 0) return;
      context.devices.set({ kind: 'agent', id: agent.id, name: agent.name, online: false, status: 'disconnected' });
      // With its agent gone nobody can print or light a button: the kiosk stops promising paper
      // and the dashboard says so, until the agent's hello brings the real states back.
      const config = context.directory.config;
      for (const p of config.printers.filter((p) => p.agentId === agent.id))
        context.devices.set({ kind: 'printer', id: p.id, name: p.id, online: false, status: 'offline' });
      for (const b of config.ratingButtons.filter((b) => b.agentId === agent.id))
        context.devices.set({ kind: 'rating-button', id: b.deskId, name: b.deskId, online: false, status: 'offline' });
    });
  });
}
