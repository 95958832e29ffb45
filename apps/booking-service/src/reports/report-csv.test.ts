import type { CompanyReportRow } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { companyReportRows } from './company-report.js';
import { reportCsv } from './report-csv.js';

const counts = {
  officeId: 'north', day: '2026-11-24', tickets: 10, served: 8, noShows: 1, withinStandard: 6, waitMsTotal: 8 * 9 * 60_000, waited: 8,
  ratings: 3, satisfied: 2, bookings: 4, bookingsArrived: 3, bookingsDue: 4,
};

describe('company report', () => {
  it('turns counts into rates, and leaves a rate empty where nothing was counted', () => {
    const [row] = companyReportRows([counts, { ...counts, day: '2026-11-25', ratings: 0, satisfied: 0, waited: 0, bookingsDue: 0 }], () => 'ЦОК «Северный»');
    expect(row).toMatchObject({ averageWaitMin: 9, satisfaction: 0.667, bookingShowUpRate: 0.75, officeName: 'ЦОК «Северный»' });
    const [, empty] = companyReportRows([counts, { ...counts, ratings: 0, satisfied: 0, waited: 0, bookingsDue: 0 }], () => 'x');
    expect(empty).toMatchObject({ averageWaitMin: null, satisfaction: null, bookingShowUpRate: null });
  });

  it('writes CSV for Excel: BOM, semicolons, CRLF, quoted and formula-safe text', () => {
    const rows: CompanyReportRow[] = companyReportRows([counts], () => '=HYPERLINK("x";"ЦОК; центр")');
    const csv = reportCsv(rows);
    expect(csv.startsWith('\uFEFFДата;Код офиса;Офис;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`2026-11-24;north;"'=HYPERLINK(""x"";""ЦОК; центр"")";10;8;1;6;9;3;0.667;4;3;0.75`);
  });
});
