import { isServed, waitMinutes, type QualityVisit } from './visit.js';

export interface EffortStandards {
  /** Walk-ins and priority visitors: called within this many minutes of issue. */
  waitingStandardMinutes: number;
  /** Booked visitors: called within this many minutes of check-in. */
  bookingStandardMinutes: number;
}

export interface Effort {
  served: number;
  effortless: number;
  /** effortless / served; null with nothing served. */
  effortlessShare: number | null;
}

/**
 * An effortless visit, from the queue's own data: called within the standard, no transfer, not a
 * repeat. The visitor's questionnaire answers do not move this figure; their own effort figure
 * (ease 4–5, `questionnaireOf`) stands beside it, so the two can be compared and the queue-data
 * one stays comparable with periods and offices without answers.
 */
export function effortOf(visits: readonly QualityVisit[], standards: EffortStandards, repeatTicketIds: ReadonlySet<string>): Effort {
  let served = 0;
  let effortless = 0;
  for (const v of visits) {
    if (!isServed(v)) continue;
    served++;
    const wait = waitMinutes(v);
    const standard = v.booked ? standards.bookingStandardMinutes : standards.waitingStandardMinutes;
    if (wait === undefined || wait > standard) continue;
    if (v.transfers > 0 || repeatTicketIds.has(v.ticketId)) continue;
    effortless++;
  }
  return { served, effortless, effortlessShare: served ? effortless / served : null };
}
