import type { DayLunch } from '@talon/domain';
import type { AcceptedDaySchedule } from '@talon/protocol';
import type { OfficeDatabase } from '../storage/open-database.js';

export interface AcceptPlan {
  date: string;
  lunches: DayLunch[];
  expectedShare: number | null;
  by: { id: string; name: string; authority?: 'head' | 'admin' };
  at: number;
}

/** An audit trail row, as the e2e test and an auditor read it. */
export interface AuditRow {
  seq: number;
  at: number;
  operatorId: string;
  authority: string | null;
  action: string;
  subject: string;
  body: string;
}

/**
 * Schedules accepted from the plan for tomorrow, one per date. The queue reads their lunches
 * (`dayLunches`) through the office setup; accepting writes the schedule and its audit trail row
 * in one transaction.
 */
export function createDaySchedules(db: OfficeDatabase) {
  const upsert = db.prepare(`INSERT INTO day_schedules (office_day, lunches, expected_share, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (office_day) DO UPDATE SET lunches = excluded.lunches, expected_share = excluded.expected_share,
      accepted_by = excluded.accepted_by, accepted_at = excluded.accepted_at`);
  const audit = db.prepare(`INSERT INTO audit_trail (at, operator_id, authority, action, subject, body) VALUES (?, ?, ?, ?, ?, ?)`);
  const one = db.prepare(`SELECT office_day AS date, lunches, expected_share AS expectedShare, accepted_by AS acceptedBy, accepted_at AS acceptedAt FROM day_schedules WHERE office_day = ?`);
  const from = db.prepare(`SELECT office_day AS date, lunches FROM day_schedules WHERE office_day >= ? ORDER BY office_day`);
  const trail = db.prepare(`SELECT seq, at, operator_id AS operatorId, authority, action, subject, body FROM audit_trail WHERE subject = ? ORDER BY seq`);

  const accept = db.transaction((plan: AcceptPlan) => {
    const previous = one.get(plan.date) as { lunches: string } | undefined;
    upsert.run(plan.date, JSON.stringify(plan.lunches), plan.expectedShare, plan.by.id, plan.at);
    audit.run(
      plan.at,
      plan.by.id,
      plan.by.authority ?? null,
      'plan.accepted',
      plan.date,
      JSON.stringify({ lunches: plan.lunches, expectedShare: plan.expectedShare, ...(previous && { replaced: JSON.parse(previous.lunches) as DayLunch[] }) }),
    );
  });

  return {
    accept: (plan: AcceptPlan) => accept(plan),
    /** The accepted schedule of a date, with the name of who accepted it from `nameOf`. */
    get(date: string, nameOf: (operatorId: string) => string): AcceptedDaySchedule | null {
      const row = one.get(date) as { date: string; lunches: string; expectedShare: number | null; acceptedBy: string; acceptedAt: number } | undefined;
      if (!row) return null;
      return {
        date: row.date,
        lunches: JSON.parse(row.lunches) as DayLunch[],
        expectedShare: row.expectedShare,
        acceptedBy: { id: row.acceptedBy, name: nameOf(row.acceptedBy) },
        acceptedAt: row.acceptedAt,
      };
    },
    /** Lunches of the dates from `fromDate` on: what the queue's schedule carries (past dates no longer matter). */
    lunchesFrom(fromDate: string): Record<string, DayLunch[]> {
      const rows = from.all(fromDate) as { date: string; lunches: string }[];
      return Object.fromEntries(rows.map((r) => [r.date, JSON.parse(r.lunches) as DayLunch[]]));
    },
    auditOf(date: string): AuditRow[] {
      return trail.all(date) as AuditRow[];
    },
  };
}

export type DaySchedules = ReturnType<typeof createDaySchedules>;
