import { WEEKDAY_KEYS, type OfficeSummary, type PhonePageInfo } from '@talon/protocol';

/** The office's hours on `date`: a special day's own hours, none on a holiday, else the weekday's. */
export function hoursOn(summary: OfficeSummary, date: string): { open: string; close: string } | null {
  const special = summary.specialDays?.find((d) => d.date === date);
  if (special) return { open: special.open, close: special.close };
  if (summary.holidays.includes(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAY_KEYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
  return summary.hours[weekday];
}

/**
 * What the phone page shows around the live status, from the office's own description of itself.
 * An office that has not described itself yet still gets a page: the status alone is what counts.
 */
export function phonePageInfo(officeId: string, officeDay: string, summary: OfficeSummary | undefined): PhonePageInfo {
  return {
    ok: true,
    officeId,
    officeDay,
    office: summary
      ? {
          name: summary.name,
          ...(summary.nameEn && { nameEn: summary.nameEn }),
          ...(summary.address && { address: summary.address }),
          ...(summary.addressEn && { addressEn: summary.addressEn }),
          hoursToday: hoursOn(summary, officeDay),
        }
      : null,
    services: (summary?.services ?? []).map((s) => ({ id: s.id, name: s.name, ...(s.nameEn && { nameEn: s.nameEn }) })),
    ...(summary?.remoteArrival && { remoteArrival: summary.remoteArrival }),
    nudges: {},
  };
}
