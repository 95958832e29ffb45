import { awaitsArrival, openDesksFor, type QueueState, type Ticket } from '@talon/domain';
import type { ServiceQueueView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';

/**
 * Waiting count, longest wait and desks serving now, per service, in the order given. `counts`
 * narrows the tickets counted, so a desk's summary counts exactly the list beside it (a ticket
 * sent to another desk is in neither).
 */
export function serviceQueues(
  directory: OfficeDirectory,
  state: QueueState,
  serviceIds: readonly string[],
  now: number,
  counts: (ticket: Ticket) => boolean = () => true,
): ServiceQueueView[] {
  const totals = new Map<string, { waiting: number; oldest: number; remote: number; away: number }>();
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'waiting' || !counts(ticket)) continue;
    const entry = totals.get(ticket.serviceId) ?? { waiting: 0, oldest: Number.POSITIVE_INFINITY, remote: 0, away: 0 };
    entry.waiting += 1;
    if (ticket.remote) entry.remote += 1;
    // A visitor still at home is not waiting in the hall: their join time is no hall's longest wait.
    if (awaitsArrival(ticket)) entry.away += 1;
    else entry.oldest = Math.min(entry.oldest, ticket.issuedAt);
    totals.set(ticket.serviceId, entry);
  }
  return serviceIds.flatMap((serviceId) => {
    const service = directory.services.get(serviceId);
    if (!service) return [];
    const entry = totals.get(serviceId);
    return [
      {
        serviceId,
        serviceName: service.name,
        ...(service.nameEn && { serviceNameEn: service.nameEn }),
        prefix: service.prefix,
        waiting: entry?.waiting ?? 0,
        longestWaitMin: entry && Number.isFinite(entry.oldest) ? Math.max(0, Math.floor((now - entry.oldest) / 60_000)) : 0,
        desksServing: openDesksFor(state, serviceId),
        ...(entry && entry.remote > 0 && { remote: { waiting: entry.remote, away: entry.away } }),
      },
    ];
  });
}
