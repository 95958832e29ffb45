import type { Server } from 'socket.io';
import type { OfficeContext } from '../office-context.js';
import { agentRoom } from '../printing/print-dispatcher.js';
import type { StoredEvent } from '../storage/event-store.js';

interface OpenWindow {
  ticketId: string;
  timer: NodeJS.Timeout;
}

/**
 * A desk's rating button is lit for the visitor just served: from finish until a rating, the
 * timeout, or the next call at that desk, whichever comes first.
 */
export function createRatingWindows(io: Server, context: OfficeContext) {
  const windows = new Map<string, OpenWindow>();

  const tell = (deskId: string, open: boolean) => {
    const button = context.directory.buttonsByDesk.get(deskId);
    if (button) io.of('/device').to(agentRoom(button.agentId)).emit('rating:window', { deskId, open });
  };

  function close(deskId: string): void {
    const window = windows.get(deskId);
    if (!window) return;
    clearTimeout(window.timer);
    windows.delete(deskId);
    tell(deskId, false);
  }

  function open(deskId: string, ticketId: string): void {
    if (!context.directory.buttonsByDesk.has(deskId)) return;
    close(deskId);
    const seconds = context.directory.config.rules.ratingWindowSeconds;
    const timer = setTimeout(() => close(deskId), seconds * 1000);
    timer.unref();
    windows.set(deskId, { ticketId, timer });
    tell(deskId, true);
  }

  return {
    onCommitted(events: StoredEvent[]): void {
      for (const { event } of events) {
        if (event.type === 'ticket.finished') open(event.deskId, event.ticketId);
        else if (event.type === 'ticket.called' || event.type === 'ticket.rated') close(event.deskId);
        else if (event.type === 'desk.closed') close(event.deskId);
      }
    },
    /**
     * The ticket a press at this desk belongs to now, if the desk's window is open. Copies of a
     * press are caught by the press log (rating-presses.ts), which outlives windows and restarts.
     */
    windowAt(deskId: string): { ticketId: string } | null {
      const window = windows.get(deskId);
      return window ? { ticketId: window.ticketId } : null;
    },
    openDesksOf(agentId: string): string[] {
      return [...windows.keys()].filter((deskId) => context.directory.buttonsByDesk.get(deskId)?.agentId === agentId);
    },
    closeAll(): void {
      for (const deskId of [...windows.keys()]) close(deskId);
    },
  };
}

export type RatingWindows = ReturnType<typeof createRatingWindows>;
