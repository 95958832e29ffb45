import { isServed, waitMinutes, type QualityVisit } from './visit.js';
import { WAIT_BANDS, waitBandOf, type WaitBand } from './wait-band.js';

export interface Satisfaction {
  served: number;
  rated: number;
  /** rated / served; null with nothing served. */
  responseRate: number | null;
  /** Share of ratings 4–5 among rated visits; null with no ratings (not 0: nobody said "bad"). */
  satisfiedShare: number | null;
  meanRating: number | null;
}

export function satisfactionOf(visits: readonly QualityVisit[]): Satisfaction {
  let served = 0;
  let rated = 0;
  let satisfied = 0;
  let sum = 0;
  for (const v of visits) {
    if (!isServed(v)) continue;
    served++;
    if (v.rating === undefined) continue;
    rated++;
    sum += v.rating;
    if (v.rating >= 4) satisfied++;
  }
  return {
    served,
    rated,
    responseRate: served ? rated / served : null,
    satisfiedShare: rated ? satisfied / rated : null,
    meanRating: rated ? sum / rated : null,
  };
}

export type SatisfactionSplit = 'service' | 'operator' | 'desk' | 'hour' | 'waitBand';

/**
 * Satisfaction per service, operator, desk, hour of call or wait band. `hourOf` turns an instant
 * into the office's local hour (the domain has no time zone of its own to guess).
 */
export function satisfactionBy(
  visits: readonly QualityVisit[],
  split: SatisfactionSplit,
  hourOf: (at: number) => number,
): { key: string; satisfaction: Satisfaction }[] {
  const groups = new Map<string, QualityVisit[]>();
  for (const v of visits) {
    if (!isServed(v)) continue;
    const key = splitKey(v, split, hourOf);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(v);
    else groups.set(key, [v]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareSplitKeys(split, a, b))
    .map(([key, group]) => ({ key, satisfaction: satisfactionOf(group) }));
}

export function splitKey(v: QualityVisit, split: SatisfactionSplit, hourOf: (at: number) => number): string | undefined {
  switch (split) {
    case 'service':
      return v.serviceId;
    case 'operator':
      return v.operatorId;
    case 'desk':
      return v.deskId;
    case 'hour':
      return v.calledAt === undefined ? undefined : String(hourOf(v.calledAt));
    case 'waitBand': {
      const minutes = waitMinutes(v);
      return minutes === undefined ? undefined : waitBandOf(minutes);
    }
  }
}

/** Hours and wait bands in their natural order, names alphabetically. */
export function compareSplitKeys(split: SatisfactionSplit, a: string, b: string): number {
  if (split === 'hour') return Number(a) - Number(b);
  if (split === 'waitBand') return WAIT_BANDS.indexOf(a as WaitBand) - WAIT_BANDS.indexOf(b as WaitBand);
  return a < b ? -1 : a > b ? 1 : 0;
}
