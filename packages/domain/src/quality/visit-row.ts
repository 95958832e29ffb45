import type { QualityVisit } from './visit.js';

/**
 * A visit as a tickets table row holds it (the office's and central's tables alias their columns to
 * these names). Numbers may arrive as strings from a driver that reads BIGINT as text.
 */
export interface QualityVisitRow {
  ticketId: string;
  ticketNumber: string;
  officeDay: string;
  /** Null for tickets from before the programme: the service they finished in. */
  firstServiceId: string | null;
  serviceId: string;
  issuedAt: number;
  calledAt: number | null;
  deskId: string | null;
  operatorId: string | null;
  endedAt: number | null;
  status: string;
  outcomeId: string | null;
  transfers: number;
  rating: number | null;
  ratedAt: number | null;
  kind: string;
  accountKey: string | null;
  /** Central's tickets only: whether the ticket's phone page was opened (0/1 or a boolean by driver). */
  phonePageOpened?: number | boolean | null;
}

/** A served visit is one whose ticket is `done`; its end is then its finish. */
export function qualityVisitOfRow(r: QualityVisitRow): QualityVisit {
  return {
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    officeDay: r.officeDay,
    firstServiceId: r.firstServiceId ?? r.serviceId,
    serviceId: r.serviceId,
    issuedAt: Number(r.issuedAt),
    transfers: Number(r.transfers),
    booked: r.kind === 'booking',
    ...(r.calledAt !== null && { calledAt: Number(r.calledAt) }),
    ...(r.deskId !== null && { deskId: r.deskId }),
    ...(r.operatorId !== null && { operatorId: r.operatorId }),
    ...(r.status === 'done' && r.endedAt !== null && { finishedAt: Number(r.endedAt) }),
    ...(r.outcomeId !== null && { outcomeId: r.outcomeId }),
    ...(r.rating !== null && { rating: Number(r.rating) }),
    ...(r.ratedAt !== null && { ratedAt: Number(r.ratedAt) }),
    ...(r.accountKey !== null && { accountKey: r.accountKey }),
    ...(r.phonePageOpened ? { phonePageOpened: true } : {}),
  };
}
