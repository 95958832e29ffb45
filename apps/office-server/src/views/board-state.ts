import { officeDayOf, type QueueState } from '@talon/domain';
import type { BoardCallView, BoardState } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';
import type { OfficeDatabase } from '../storage/open-database.js';
import { officeView } from './office-view.js';
import { serviceQueues } from './service-queues.js';

const HISTORY_LENGTH = 8;

export function createBoardStateReader(db: OfficeDatabase) {
  const recentCalls = db.prepare(`SELECT number, called_desk_id AS deskId, called_at AS at FROM tickets
    WHERE office_day = ? AND status IN ('done', 'no-show', 'waiting', 'postponed', 'cancelled') AND called_at IS NOT NULL
    ORDER BY called_at DESC LIMIT ?`);

  return function boardState(directory: OfficeDirectory, state: QueueState, now: number): BoardState {
    const calls: BoardCallView[] = [];
    for (const desk of state.desks.values()) {
      const ticket = desk.currentTicketId ? state.tickets.get(desk.currentTicketId) : undefined;
      const config = directory.desks.get(desk.deskId);
      if (!ticket || !config || (ticket.status !== 'called' && ticket.status !== 'serving')) continue;
      calls.push({
        ticketId: ticket.id,
        number: ticket.number,
        deskNumber: config.number,
        deskName: config.name,
        ...(config.nameEn && { deskNameEn: config.nameEn }),
        status: ticket.status,
        calledAt: ticket.calledAt ?? now,
        recalls: ticket.recalls,
        ...(ticket.remote && { remote: true as const }),
      });
    }
    calls.sort((a, b) => b.calledAt - a.calledAt);
    const day = officeDayOf(state.setup.schedule, now);
    // A call whose desk is unknown (transferred before 0170) or gone from the config is left out, never «Окно 0».
    const history = (recentCalls.all(day, HISTORY_LENGTH) as { number: string; deskId: string | null; at: number }[]).flatMap((row) => {
      const desk = row.deskId === null ? undefined : directory.desks.get(row.deskId);
      return desk ? [{ number: row.number, deskNumber: desk.number, at: row.at }] : [];
    });
    return {
      office: officeView(directory, state, now),
      calls,
      history,
      waiting: serviceQueues(directory, state, directory.config.services.map((s) => s.id), now),
      voice: { mode: directory.config.board.voice, language: directory.config.board.voiceLanguage },
    };
  };
}
