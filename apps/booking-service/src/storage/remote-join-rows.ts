import type { RemoteJoin } from './central-store.js';

/** The columns of `remote_joins` under the names of `RemoteJoin`; both stores read them so. */
export const REMOTE_JOIN_COLUMNS = `office_id AS "officeId", request_key AS "requestKey", ticket_id AS "ticketId", number, service_id AS "serviceId", office_day AS "officeDay", code, created_at AS "createdAt"`;

/** A row as either driver gives it (PostgreSQL's BIGINT comes back as a string). */
export function remoteJoinRow(row: unknown): RemoteJoin | undefined {
  if (!row) return undefined;
  const r = row as RemoteJoin & { createdAt: number | string };
  return { ...r, createdAt: Number(r.createdAt) };
}
