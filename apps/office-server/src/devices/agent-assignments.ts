import type { DeviceAssignments, OfficeConfig } from '@talon/protocol';
import type { Namespace } from 'socket.io';
import type { OfficeContext } from '../office-context.js';
import { agentRoom } from '../printing/print-dispatcher.js';
import type { RatingWindows } from '../rating/rating-windows.js';

/** What the office config gives one device agent: its printers and its desks' buttons. */
export function assignmentsOf(config: OfficeConfig, agentId: string): DeviceAssignments {
  return {
    printers: config.printers
      .filter((p) => p.agentId === agentId)
      .map((p) => ({ printerId: p.id, kioskId: p.kioskId, uri: p.uri, profile: p.profile })),
    buttons: config.ratingButtons
      .filter((b) => b.agentId === agentId)
      .map((b) => ({ deskId: b.deskId, path: b.path, deviceId: b.deviceId })),
    printerNetwork: config.printerNetwork,
  };
}

/**
 * Devices follow the config at once: when a change adds, removes or alters an agent's printer or
 * button, the connected agent gets its whole new list (`devices:assigned`) and reconciles it as
 * at hello, opening, closing or reopening only what changed. Open rating windows are said again,
 * so a button given to an agent mid-window lights. A device no longer in the config leaves the
 * dashboard's health list; one just added shows offline until its agent reports it.
 */
export function makeAssignmentsFollowConfig(namespace: Namespace, context: OfficeContext, ratings: RatingWindows): void {
  context.onConfigChanged((config, previous) => {
    const agents = new Set([...config.printers, ...config.ratingButtons, ...previous.printers, ...previous.ratingButtons].map((d) => d.agentId));
    for (const agentId of agents) {
      const now = assignmentsOf(config, agentId);
      if (JSON.stringify(now) === JSON.stringify(assignmentsOf(previous, agentId))) continue;
      const room = namespace.to(agentRoom(agentId));
      room.emit('devices:assigned', now);
      for (const deskId of ratings.openDesksOf(agentId)) room.emit('rating:window', { deskId, open: true });
      context.logger.info({ agent: agentId, printers: now.printers.map((p) => p.printerId), buttons: now.buttons.map((b) => b.deskId) }, 'device assignments changed; agent told');
    }
    const printers = new Set(config.printers.map((p) => p.id));
    const buttons = new Set(config.ratingButtons.map((b) => b.deskId));
    for (const p of previous.printers) if (!printers.has(p.id)) context.devices.forget('printer', p.id);
    for (const b of previous.ratingButtons) if (!buttons.has(b.deskId)) context.devices.forget('rating-button', b.deskId);
    for (const p of config.printers)
      if (!previous.printers.some((q) => q.id === p.id)) context.devices.set({ kind: 'printer', id: p.id, name: p.id, online: false, status: 'unknown' });
    for (const b of config.ratingButtons)
      if (!previous.ratingButtons.some((q) => q.deskId === b.deskId))
        context.devices.set({ kind: 'rating-button', id: b.deskId, name: b.deskId, online: false, status: 'offline' });
  });
}
