import type { BoardState, CentralLinkView, DashboardAlert, DashboardState } from '@talon/protocol';
import type { Server } from 'socket.io';
import type { OfficeContext } from '../office-context.js';
import { kioskRoom } from '../printing/print-dispatcher.js';
import type { StoredEvent } from '../storage/event-store.js';
import { kioskCommonState, kioskState } from '../views/kiosk-state.js';
import { operatorState } from '../views/operator-state.js';
import { createOperatorDayCounts } from '../views/operator-day-counts.js';
import { createCoalescer } from './coalescer.js';
import { createDeviceAlerter } from './device-alerts.js';
import { operatorRoom } from './operator-namespace.js';
import { identityOf } from './handshake.js';

const CENTRAL_LINK_CHECK_MS = 2_000;

/**
 * Keeps every screen current. A call goes to the boards the moment it is committed; whole states
 * follow, coalesced, so a busy office costs one push per screen per interval.
 */
export function startStateBroadcasts(
  io: Server,
  context: OfficeContext,
  views: { boardState: () => BoardState; dashboardState: () => DashboardState; centralLink: () => CentralLinkView },
  intervals = { screensMs: 50, dashboardMs: 1000 },
) {
  const now = () => context.clock.now();
  const dayCounts = createOperatorDayCounts(context.db);
  const pushScreens = createCoalescer(() => {
    io.of('/board').emit('board:state', views.boardState());
    const kiosk = io.of('/kiosk');
    const common = kiosk.sockets.size > 0 ? kioskCommonState(context.directory, context.queue.state, now(), context.waits) : undefined;
    for (const room of kiosk.adapter.rooms.keys()) {
      if (!room.startsWith('kiosk:')) continue;
      const kioskId = room.slice('kiosk:'.length);
      kiosk.to(kioskRoom(kioskId)).emit('kiosk:state', kioskState(context.directory, context.queue.state, context.devices, kioskId, now(), common ?? kioskCommonState(context.directory, context.queue.state, now(), context.waits)));
    }
    const operators = io.of('/operator');
    const seen = new Set<string>();
    for (const socket of operators.sockets.values()) {
      const operator = identityOf(socket).operator;
      if (!operator || seen.has(operator.id)) continue;
      seen.add(operator.id);
      const current = context.directory.operators.get(operator.id) ?? operator;
      operators.to(operatorRoom(operator.id)).emit(
        'operator:state',
        operatorState(context.directory, context.queue.state, current, now(), dayCounts(context.queue.state, operator.id, now())),
      );
    }
  }, intervals.screensMs);
  const pushDashboard = createCoalescer(() => {
    const dashboard = io.of('/dashboard');
    if (dashboard.sockets.size > 0) dashboard.emit('dashboard:state', views.dashboardState());
  }, intervals.dashboardMs);

  const changed = () => {
    pushScreens.request();
    pushDashboard.request();
  };

  // A rated ticket is finished and has left the live queue; its number stays in the tickets table.
  const ticketNumberRow = context.db.prepare(`SELECT number FROM tickets WHERE id = ?`).pluck();
  const ratedTicketNumber = (ticketId: string) =>
    context.queue.state.tickets.get(ticketId)?.number ?? (ticketNumberRow.get(ticketId) as string | undefined) ?? ticketId;

  const unsubscribe = context.queue.onCommitted((events: StoredEvent[]) => {
    for (const { event } of events) {
      if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
        const ticket = context.queue.state.tickets.get(event.ticketId);
        const desk = context.directory.desks.get(event.deskId);
        if (ticket && desk) {
          io.of('/board').emit('board:call', {
            ticketId: ticket.id,
            number: ticket.number,
            deskNumber: desk.number,
            deskName: desk.name,
            ...(desk.nameEn && { deskNameEn: desk.nameEn }),
            recall: event.type === 'ticket.recalled',
            at: event.at,
          });
        }
      }
      if (event.type === 'ticket.rated' && event.value <= 2) {
        const desk = context.directory.desks.get(event.deskId);
        const alert: DashboardAlert = {
          kind: 'low-rating',
          ticketNumber: ratedTicketNumber(event.ticketId),
          deskNumber: desk?.number ?? 0,
          value: event.value,
          at: event.at,
        };
        io.of('/dashboard').emit('dashboard:alert', alert);
      }
    }
    changed();
  });
  const deviceAlerts = createDeviceAlerter(() => context.directory);
  const unsubscribeDevices = context.devices.onChange(() => {
    for (const alert of deviceAlerts(context.devices.list(), now())) io.of('/dashboard').emit('dashboard:alert', alert);
    changed();
  });
  context.onConfigChanged(changed);
  /** The clock moves even when nobody presses anything: waits grow, the office opens and closes. */
  const ticker = setInterval(changed, 30_000);
  ticker.unref();
  // The sync client tells nobody when the link goes up or down; the head should not wait 30 s to see it.
  let lastLink = JSON.stringify(views.centralLink());
  const linkWatch = setInterval(() => {
    const link = JSON.stringify(views.centralLink());
    if (link === lastLink) return;
    lastLink = link;
    pushDashboard.request();
  }, CENTRAL_LINK_CHECK_MS);
  linkWatch.unref();

  return {
    stop(): void {
      unsubscribe();
      unsubscribeDevices();
      clearInterval(ticker);
      clearInterval(linkWatch);
      pushScreens.cancel();
      pushDashboard.cancel();
    },
  };
}
