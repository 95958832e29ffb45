import type { PlanHistoryTicket, TicketKind } from '@talon/domain';
import type { OfficeDatabase } from '../storage/open-database.js';

interface Row {
  officeDay: string;
  serviceId: string;
  kind: string;
  issuedAt: number;
  status: string;
  deskId: string | null;
  operatorId: string | null;
  calledAt: number | null;
  startedAt: number | null;
  serviceMs: number | null;
}

/**
 * Every ticket of the given office days, as the plan reads them: each one came (whatever became
 * of it); a finished visit also tells its desk time (the walk from the call to the start, then the
 * service) and who served it at which desk.
 */
export function planHistoryOf(db: OfficeDatabase, days: readonly string[]): PlanHistoryTicket[] {
  if (days.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT office_day AS officeDay, service_id AS serviceId, kind, issued_at AS issuedAt, status, desk_id AS deskId, operator_id AS operatorId,
         called_at AS calledAt, serving_started_at AS startedAt, service_ms AS serviceMs
       FROM tickets WHERE office_day IN (${days.map(() => '?').join(', ')}) ORDER BY issued_at`,
    )
    .all(...days) as Row[];
  return rows.map((r) => {
    const served = r.status === 'done' && r.serviceMs !== null;
    const walkMs = r.calledAt !== null && r.startedAt !== null ? Math.max(0, r.startedAt - r.calledAt) : 0;
    return {
      officeDay: r.officeDay,
      serviceId: r.serviceId,
      kind: r.kind as TicketKind,
      issuedAt: r.issuedAt,
      ...(served && { deskMs: (r.serviceMs as number) + walkMs }),
      ...(served && r.deskId !== null && r.operatorId !== null && { deskId: r.deskId, operatorId: r.operatorId }),
    };
  });
}
