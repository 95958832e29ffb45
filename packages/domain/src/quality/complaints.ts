import { isServed, type QualityVisit } from './visit.js';

export interface Complaints {
  served: number;
  complaints: number;
  /** Complaints per 1,000 served visits; null with nothing served. */
  per1000: number | null;
  byOutcome: { outcomeId: string; count: number }[];
}

/** Visits finished with an outcome the office config marks as a complaint. */
export function complaintsOf(visits: readonly QualityVisit[], complaintOutcomeIds: ReadonlySet<string>): Complaints {
  let served = 0;
  const byOutcome = new Map<string, number>();
  for (const v of visits) {
    if (!isServed(v)) continue;
    served++;
    if (v.outcomeId !== undefined && complaintOutcomeIds.has(v.outcomeId))
      byOutcome.set(v.outcomeId, (byOutcome.get(v.outcomeId) ?? 0) + 1);
  }
  const complaints = [...byOutcome.values()].reduce((a, b) => a + b, 0);
  return {
    served,
    complaints,
    per1000: served ? (complaints * 1000) / served : null,
    byOutcome: [...byOutcome.entries()]
      .map(([outcomeId, count]) => ({ outcomeId, count }))
      .sort((a, b) => b.count - a.count || (a.outcomeId < b.outcomeId ? -1 : 1)),
  };
}
