import type { CompanyReportRow } from '@talon/protocol';

const COLUMNS: { key: keyof CompanyReportRow; title: string }[] = [
  { key: 'day', title: 'Дата' },
  { key: 'officeId', title: 'Код офиса' },
  { key: 'officeName', title: 'Офис' },
  { key: 'tickets', title: 'Талонов' },
  { key: 'served', title: 'Обслужено' },
  { key: 'noShows', title: 'Неявки' },
  { key: 'withinStandard', title: 'Вызвано в норматив' },
  { key: 'averageWaitMin', title: 'Среднее ожидание, мин' },
  { key: 'ratings', title: 'Оценок' },
  { key: 'satisfaction', title: 'Доля оценок 4 и 5' },
  { key: 'bookings', title: 'Записей' },
  { key: 'bookingsArrived', title: 'Пришли по записи' },
  { key: 'bookingShowUpRate', title: 'Явка по записи' },
];

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Excel would run a cell that starts with = + - @ as a formula; an office name is not one.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Semicolon-separated with a BOM and CRLF: what Excel in a Russian locale opens correctly by a
 * double click. Decimal numbers keep the dot so other tools read them too.
 */
export function reportCsv(rows: CompanyReportRow[]): string {
  return csvTable(COLUMNS.map((c) => c.title), rows.map((row) => COLUMNS.map((c) => row[c.key])));
}

/** Any table in the same form: titles, then rows of cells (null is an empty cell). */
export function csvTable(titles: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [titles.map(cell).join(';'), ...rows.map((row) => row.map(cell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
