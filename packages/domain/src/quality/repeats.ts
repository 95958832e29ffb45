import { daysBetween, inPeriod, type QualityPeriod } from './period.js';
import { isServed, type QualityVisit } from './visit.js';

export interface RepeatVisits {
  /** Served visits in the period whose account key is known. */
  withAccount: number;
  repeats: number;
  /** 1 − repeats / withAccount; null when no visit in the period had an account. */
  firstVisitResolution: number | null;
  /** Desk contacts (a transfer is one more) per question: withAccount visits' contacts / first contacts. */
  contactsPerQuestion: number | null;
  /** Ticket ids of the repeats, for the effort count and for drilling down. */
  repeatTicketIds: Set<string>;
}

/**
 * A repeat is the same account key coming back for the same service within `windowDays` calendar
 * days of an earlier served visit (holidays count as days: the visitor's clock runs on them too).
 * Pass visits from `windowDays` before the period as well, so a repeat early in a month finds its
 * first visit in the month before; only repeats inside the period are counted.
 */
export function repeatVisitsOf(visits: readonly QualityVisit[], period: QualityPeriod, windowDays: number): RepeatVisits {
  const keyed = visits
    .filter((v): v is QualityVisit & { finishedAt: number; accountKey: string } => isServed(v) && v.accountKey !== undefined)
    .sort((a, b) => a.issuedAt - b.issuedAt);
  const lastDay = new Map<string, string>();
  const repeatTicketIds = new Set<string>();
  let withAccount = 0;
  let contacts = 0;
  for (const v of keyed) {
    const key = `${v.accountKey}\u0000${v.firstServiceId}`;
    const previous = lastDay.get(key);
    const isRepeat = previous !== undefined && daysBetween(previous, v.officeDay) <= windowDays;
    lastDay.set(key, v.officeDay);
    if (!inPeriod(v.officeDay, period)) continue;
    withAccount++;
    contacts += 1 + v.transfers;
    if (isRepeat) repeatTicketIds.add(v.ticketId);
  }
  const repeats = repeatTicketIds.size;
  const questions = withAccount - repeats;
  return {
    withAccount,
    repeats,
    firstVisitResolution: withAccount ? 1 - repeats / withAccount : null,
    contactsPerQuestion: questions ? contacts / questions : null,
    repeatTicketIds,
  };
}
