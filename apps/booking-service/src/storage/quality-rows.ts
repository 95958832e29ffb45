import type { QualityDayCounts, QualityVisit } from '@talon/domain';

/** The columns a quality visit is read from, the same in both stores (aliases quoted for PostgreSQL). */
export const QUALITY_VISIT_COLUMNS = `id AS "ticketId", number AS "ticketNumber", office_day AS "officeDay",
  first_service_id AS "firstServiceId", service_id AS "serviceId", issued_at AS "issuedAt", first_called_at AS "calledAt",
  desk_id AS "deskId", operator_id AS "operatorId", ended_at AS "endedAt", status, outcome_id AS "outcomeId", transfers,
  rating, rated_at AS "ratedAt", kind, account_key AS "accountKey"`;

export interface QualityVisitRow {
  ticketId: string;
  ticketNumber: string;
  officeDay: string;
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
}

export function toQualityVisit(r: QualityVisitRow): QualityVisit {
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
  };
}

export interface StoredQualityDay {
  officeId: string;
  counts: QualityDayCounts;
}
