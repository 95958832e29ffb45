import { desksNeeded } from './erlang-c.js';
import type { ExpectedArrivals } from './expected-arrivals.js';
import type { ServicePool } from './service-pools.js';

export interface PoolHourNeed {
  poolId: string;
  arrivals: number;
  /** The pool's mean desk time per visit that hour, weighted by its services' arrivals. */
  deskMinutes: number;
  desks: number;
  /** The share called within the standard with that many desks (Erlang C). */
  serviceLevel: number;
}

export interface HourNeed {
  hour: number;
  /** The pools' desks added up. */
  desks: number;
  pools: PoolHourNeed[];
}

/**
 * Desks needed each hour so that `targetShare` of visitors are called within the standard: Erlang C
 * per pool of services sharing desks, with the hour's expected arrivals spread over the minutes
 * tickets are issued in it, and the pool's mean desk time.
 */
export function desksNeededByHour(expected: ExpectedArrivals, pools: readonly ServicePool[], standardMinutes: number, targetShare: number): HourNeed[] {
  return expected.byHour.map((h) => {
    const needs = pools.map((pool): PoolHourNeed => {
      let arrivals = 0;
      let deskMinutesSum = 0;
      for (const id of pool.serviceIds) {
        const n = h.byService[id] ?? 0;
        arrivals += n;
        deskMinutesSum += n * (expected.deskMinutes[id] ?? 0);
      }
      const deskMinutes = arrivals > 0 ? deskMinutesSum / arrivals : 0;
      const answer = desksNeeded({
        arrivals,
        periodSeconds: Math.max(1, h.toMinute - h.fromMinute) * 60,
        handleSeconds: Math.max(1, deskMinutes * 60),
        targetSeconds: standardMinutes * 60,
        targetShare,
      });
      return { poolId: pool.id, arrivals, deskMinutes, desks: answer.desks, serviceLevel: arrivals > 0 ? answer.serviceLevel : 1 };
    });
    return { hour: h.hour, desks: needs.reduce((sum, n) => sum + n.desks, 0), pools: needs };
  });
}
