import { peopleAheadOf, type QueueState } from '@talon/domain';
import type { PhoneTicketStatus } from '@talon/protocol';

/**
 * What a phone page needs of each live ticket, computed from the queue state the desks work on:
 * the office is authoritative, central only passes this on. `deskNumber` names the desk as the
 * hall shows it.
 */
export function phoneStatusesOf(
  state: QueueState,
  deskNumber: (deskId: string) => string | undefined,
  now: number,
  /** The office's forecast wait of a waiting ticket and its range (what the kiosk and the ticket page tell). */
  toldOf: (ticketId: string) => { estimateMin: number; fromMin: number; toMin: number } | null,
): PhoneTicketStatus[] {
  const statuses: PhoneTicketStatus[] = [];
  for (const ticket of state.tickets.values()) {
    const waiting = ticket.status === 'waiting';
    const told = waiting ? toldOf(ticket.id) : null;
    const wait = waiting ? { peopleAhead: peopleAheadOf(state, ticket.serviceId, now, ticket.id), estimatedWaitMin: told?.estimateMin ?? null } : undefined;
    const desk = ticket.deskId !== undefined && (ticket.status === 'called' || ticket.status === 'serving') ? deskNumber(ticket.deskId) : undefined;
    statuses.push({
      ticketId: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      officeDay: ticket.officeDay,
      state: ticket.status,
      peopleAhead: wait?.peopleAhead ?? 0,
      estimatedWaitMin: wait?.estimatedWaitMin ?? null,
      ...(told && { waitRange: { fromMin: told.fromMin, toMin: told.toMin } }),
      ...(desk !== undefined && { deskNumber: desk }),
      at: now,
      ...(ticket.remote && { remote: { code: ticket.remote.code, arrived: ticket.remote.arrivedAt !== undefined, skipped: ticket.remote.skippedAt !== undefined } }),
    });
  }
  return statuses;
}

/** The part of a status a phone shows; a status equal to the last one sent is not sent again. */
export const sameForPhone = (a: PhoneTicketStatus, b: PhoneTicketStatus): boolean =>
  a.state === b.state && a.peopleAhead === b.peopleAhead && a.estimatedWaitMin === b.estimatedWaitMin &&
  a.waitRange?.fromMin === b.waitRange?.fromMin && a.waitRange?.toMin === b.waitRange?.toMin && a.deskNumber === b.deskNumber &&
  a.remote?.arrived === b.remote?.arrived && a.remote?.skipped === b.remote?.skipped;
