import type { QualityDayCounts } from '@talon/domain';

/** The columns a quality visit is read from (`QualityVisitRow`), the same in both stores (aliases quoted for PostgreSQL). */
export const QUALITY_VISIT_COLUMNS = `id AS "ticketId", number AS "ticketNumber", office_day AS "officeDay",
  first_service_id AS "firstServiceId", service_id AS "serviceId", issued_at AS "issuedAt", first_called_at AS "calledAt",
  desk_id AS "deskId", operator_id AS "operatorId", ended_at AS "endedAt", status, outcome_id AS "outcomeId", transfers,
  rating, rated_at AS "ratedAt", kind, account_key AS "accountKey",
  EXISTS (SELECT 1 FROM phone_page_opens p WHERE p.office_id = tickets.office_id AND p.ticket_id = tickets.id) AS "phonePageOpened"`;

export interface StoredQualityDay {
  officeId: string;
  counts: QualityDayCounts;
}
