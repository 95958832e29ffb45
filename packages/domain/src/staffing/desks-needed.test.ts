import { describe, expect, it } from 'vitest';
import { desksNeededByHour } from './desks-needed.js';
import type { ExpectedArrivals } from './expected-arrivals.js';
import { servicePools } from './service-pools.js';

const desk = (id: string, ...services: string[]) => ({ id, services: services.map((serviceId) => ({ serviceId, weight: 1 })) });

describe('service pools: services sharing desks', () => {
  it('joins services through chains of desks; a service no desk serves stands alone', () => {
    const pools = servicePools([desk('d1', 'A', 'B'), desk('d2', 'B', 'C'), desk('d3', 'D')], ['A', 'B', 'C', 'D', 'E']);
    expect(pools).toEqual([
      { id: 'A+B+C', serviceIds: ['A', 'B', 'C'], deskIds: ['d1', 'd2'] },
      { id: 'D', serviceIds: ['D'], deskIds: ['d3'] },
      { id: 'E', serviceIds: ['E'], deskIds: [] },
    ]);
  });
});

function expected(byHour: { hour: number; minutes: number; byService: Record<string, number> }[], deskMinutes: Record<string, number>): ExpectedArrivals {
  return {
    date: '2026-12-01',
    hours: { open: '08:00', close: '17:00' },
    sampleDates: [],
    skipped: [],
    byHour: byHour.map((h) => ({ hour: h.hour, fromMinute: h.hour * 60, toMinute: h.hour * 60 + h.minutes, total: 0, byService: h.byService, priorityByService: {} })),
    deskMinutes,
    deskMsSamples: {},
  };
}

describe('desks needed per hour and pool (Erlang C)', () => {
  it('the published example as an hour: 100 visitors in a 30-minute window, 3 minutes each, 80 % within 20 s: 14 desks', () => {
    const pools = servicePools([desk('d1', 'A')], ['A']);
    const [hour] = desksNeededByHour(expected([{ hour: 8, minutes: 30, byService: { A: 100 } }], { A: 3 }), pools, 20 / 60, 0.8);
    expect(hour?.desks).toBe(14);
    expect(hour?.pools[0]?.serviceLevel).toBeCloseTo(0.888, 3);
  });

  it('by hand: 4 an hour at 15 minutes is 1 Erlang; one desk cannot keep up, two call 87.7 % within 15 minutes', () => {
    // Two desks: B(1,2) = 0.2, C = 2·0.2 / (2 − 0.8) = 1/3; share = 1 − (1/3)·e^(−(2−1)·15/15) = 0.8774.
    const pools = servicePools([desk('d1', 'A'), desk('d2', 'A')], ['A']);
    const [hour] = desksNeededByHour(expected([{ hour: 9, minutes: 60, byService: { A: 4 } }], { A: 15 }), pools, 15, 0.8);
    expect(hour?.desks).toBe(2);
    expect(hour?.pools[0]?.serviceLevel).toBeCloseTo(1 - Math.exp(-1) / 3, 10);
    // At 90 % two are not enough: three desks.
    expect(desksNeededByHour(expected([{ hour: 9, minutes: 60, byService: { A: 4 } }], { A: 15 }), pools, 15, 0.9)[0]?.desks).toBe(3);
  });

  it('adds the pools up; a pool’s desk time is its services’ mean weighted by arrivals; an empty hour needs none', () => {
    const pools = servicePools([desk('d1', 'A', 'B'), desk('d2', 'C')], ['A', 'B', 'C']);
    // Pool A+B: 3 of A at 10 min and 1 of B at 30 min: 4 visitors at 15 min = 1 Erlang -> 2 desks as above. Pool C: 4 at 15 -> 2.
    const hours = desksNeededByHour(
      expected(
        [
          { hour: 10, minutes: 60, byService: { A: 3, B: 1, C: 4 } },
          { hour: 11, minutes: 60, byService: {} },
        ],
        { A: 10, B: 30, C: 15 },
      ),
      pools,
      15,
      0.8,
    );
    expect(hours[0]).toMatchObject({ hour: 10, desks: 4, pools: [{ poolId: 'A+B', arrivals: 4, deskMinutes: 15, desks: 2 }, { poolId: 'C', arrivals: 4, desks: 2 }] });
    expect(hours[1]).toMatchObject({ hour: 11, desks: 0, pools: [{ desks: 0, serviceLevel: 1 }, { desks: 0, serviceLevel: 1 }] });
  });
});
