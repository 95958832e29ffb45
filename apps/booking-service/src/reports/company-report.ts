import type { CompanyReportRow } from '@talon/protocol';
import type { ReportCounts } from '../storage/central-store.js';

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** Counts per office and day into the figures the company reads. Pure. */
export function companyReportRows(counts: ReportCounts[], officeName: (officeId: string) => string): CompanyReportRow[] {
  return counts.map((c) => ({
    officeId: c.officeId,
    officeName: officeName(c.officeId),
    day: c.day,
    tickets: c.tickets,
    served: c.served,
    noShows: c.noShows,
    withinStandard: c.withinStandard,
    averageWaitMin: c.waited > 0 ? Math.round((c.waitMsTotal / c.waited / 60_000) * 10) / 10 : null,
    ratings: c.ratings,
    satisfaction: share(c.satisfied, c.ratings),
    bookings: c.bookings,
    bookingsArrived: c.bookingsArrived,
    bookingShowUpRate: share(c.bookingsArrived, c.bookingsDue),
  }));
}
