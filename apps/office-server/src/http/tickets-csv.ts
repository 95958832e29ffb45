import type { OfficeDatabase } from '../storage/open-database.js';
import type { OfficeDirectory } from '../config/office-directory.js';

const COLUMNS = [
  'number', 'service', 'kind', 'category', 'status', 'desk', 'operator', 'issued_at', 'first_called_at',
  'serving_started_at', 'ended_at', 'wait_min', 'service_min', 'recalls', 'transfers', 'outcome', 'rating',
] as const;

/** One day's tickets for a spreadsheet; no personal data beyond what the office already prints. */
export function createTicketsCsv(db: OfficeDatabase) {
  const rows = db.prepare(`SELECT number, service_id AS serviceId, kind, category_id AS categoryId, status, desk_id AS deskId,
      operator_id AS operatorId, issued_at AS issuedAt, first_called_at AS firstCalledAt, serving_started_at AS servingStartedAt,
      ended_at AS endedAt, service_ms AS serviceMs, recalls, transfers, outcome_id AS outcomeId, rating
    FROM tickets WHERE office_day = ? ORDER BY issued_at`);
  return function ticketsCsv(directory: OfficeDirectory, day: string): string {
    const zone = directory.config.office.timeZone;
    const time = (at: number | null) =>
      at === null ? '' : new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' }).format(at);
    const lines = [COLUMNS.join(',')];
    for (const r of rows.all(day) as Record<string, string | number | null>[]) {
      const issuedAt = r.issuedAt as number;
      const firstCalledAt = r.firstCalledAt as number | null;
      lines.push(
        [
          r.number,
          directory.services.get(r.serviceId as string)?.name ?? r.serviceId,
          r.kind,
          r.categoryId ? (directory.categories.get(r.categoryId as string)?.name ?? r.categoryId) : '',
          r.status,
          r.deskId ? (directory.desks.get(r.deskId as string)?.number ?? r.deskId) : '',
          r.operatorId ? (directory.operators.get(r.operatorId as string)?.name ?? r.operatorId) : '',
          time(issuedAt),
          time(firstCalledAt),
          time(r.servingStartedAt as number | null),
          time(r.endedAt as number | null),
          firstCalledAt === null ? '' : ((firstCalledAt - issuedAt) / 60_000).toFixed(1),
          r.serviceMs === null ? '' : ((r.serviceMs as number) / 60_000).toFixed(1),
          r.recalls,
          r.transfers,
          r.outcomeId ?? '',
          r.rating ?? '',
        ]
          .map(csvField)
          .join(','),
      );
    }
    return `\ufeff${lines.join('\r\n')}\r\n`;
  };
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
