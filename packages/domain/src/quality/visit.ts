import type { QueueEvent } from '../events.js';
import type { Instant } from '../ticket.js';

/**
 * One visit as the quality programme sees it: a ticket from issue to finish, folded from its
 * events. The office server keeps these as its quality read model; central folds the same synced
 * events, so both count alike.
 */
export interface QualityVisit {
  ticketId: string;
  ticketNumber: string;
  officeDay: string;
  /** The service the visitor came for (repeats are counted against it). */
  firstServiceId: string;
  /** The service that finished the visit (satisfaction is split by it). */
  serviceId: string;
  issuedAt: Instant;
  /** The first call: the wait the visitor felt is issue to first call. */
  calledAt?: Instant;
  deskId?: string;
  operatorId?: string;
  finishedAt?: Instant;
  outcomeId?: string;
  transfers: number;
  rating?: number;
  ratedAt?: Instant;
  booked: boolean;
  /**
   * Keyed hash (HMAC) of the account number, never the number itself: it outlives the number's
   * personal-data retention for the repeat window only. Absent when none was typed, when the
   * office has no secret, or when both have been cleared.
   */
  accountKey?: string;
  /**
   * The visitor opened the ticket's page (the QR) at least once, on central's phone page or the
   * office's own `/t/<id>`: only such visits could be offered the post-visit questionnaire.
   */
  phonePageOpened?: boolean;
}

/** Adds one event to a visit; events of other tickets or that change nothing give it back as is. */
export function foldVisit(
  visit: QualityVisit | undefined,
  event: QueueEvent,
  accountKeyOf: (accountNumber: string) => string | undefined,
): QualityVisit | undefined {
  if (event.type === 'ticket.issued') {
    const t = event.ticket;
    return {
      ticketId: t.id,
      ticketNumber: t.number,
      officeDay: t.officeDay,
      firstServiceId: t.serviceId,
      serviceId: t.serviceId,
      issuedAt: t.issuedAt,
      transfers: 0,
      booked: t.kind === 'booking',
      ...(t.accountNumber ? optionalKey(accountKeyOf(t.accountNumber)) : {}),
    };
  }
  if (!visit || !('ticketId' in event) || event.ticketId !== visit.ticketId) return visit;
  switch (event.type) {
    case 'ticket.called':
      // A recall or a call after transfer keeps the first call: the wait ended then.
      return visit.calledAt === undefined
        ? { ...visit, calledAt: event.at, deskId: event.deskId, operatorId: event.operatorId }
        : { ...visit, deskId: event.deskId, operatorId: event.operatorId };
    case 'ticket.transferred':
      return { ...visit, transfers: visit.transfers + 1, serviceId: event.toServiceId };
    case 'ticket.finished': {
      const { outcomeId: _drop, ...rest } = visit;
      return {
        ...rest,
        finishedAt: event.at,
        deskId: event.deskId,
        operatorId: event.operatorId,
        ...(event.outcomeId ? { outcomeId: event.outcomeId } : {}),
      };
    }
    case 'ticket.rated':
      return { ...visit, rating: event.value, ratedAt: event.at };
    default:
      return visit;
  }
}

function optionalKey(key: string | undefined): { accountKey?: string } {
  return key ? { accountKey: key } : {};
}

/** Folds a whole event log into visits, in issue order. */
export function visitsFromEvents(
  events: Iterable<QueueEvent>,
  accountKeyOf: (accountNumber: string) => string | undefined,
): QualityVisit[] {
  const visits = new Map<string, QualityVisit>();
  for (const event of events) {
    const id = event.type === 'ticket.issued' ? event.ticket.id : 'ticketId' in event ? event.ticketId : undefined;
    if (id === undefined) continue;
    const next = foldVisit(visits.get(id), event, accountKeyOf);
    if (next) visits.set(id, next);
  }
  return [...visits.values()];
}

/** Served = finished at a desk; no-shows and cancellations are not visits the programme rates. */
export function isServed(visit: QualityVisit): visit is QualityVisit & { finishedAt: Instant } {
  return visit.finishedAt !== undefined;
}

/** Minutes from issue to first call (a booking from its issue at check-in). */
export function waitMinutes(visit: QualityVisit): number | undefined {
  return visit.calledAt === undefined ? undefined : Math.max(0, visit.calledAt - visit.issuedAt) / 60_000;
}
