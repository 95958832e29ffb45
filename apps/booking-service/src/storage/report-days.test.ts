import { describe, expect, it } from 'vitest';
import { lastClosedReportDay, splitReportRange } from './report-days.js';

describe('closed report days', () => {
  it.each([
    // The day before yesterday in UTC, whatever the hour: by then every zone's day is over and its bookings have begun.
    [Date.UTC(2026, 10, 24, 0, 0), '2026-11-22'],
    [Date.UTC(2026, 10, 24, 23, 59), '2026-11-22'],
    [Date.UTC(2026, 11, 1, 0, 0), '2026-11-29'],
    [Date.UTC(2027, 0, 1, 12, 0), '2026-12-30'],
  ])('at %s the last closed day is %s', (now, day) => {
    expect(lastClosedReportDay(now)).toBe(day);
  });

  it('splits a report into closed days (from the roll-up) and the rest (from the tickets)', () => {
    const now = Date.UTC(2026, 10, 24, 7, 0);
    expect(splitReportRange('2026-11-20', '2026-11-24', now)).toEqual({ closed: ['2026-11-20', '2026-11-21', '2026-11-22'], open: { from: '2026-11-23', to: '2026-11-24' } });
    expect(splitReportRange('2026-11-01', '2026-11-03', now)).toEqual({ closed: ['2026-11-01', '2026-11-02', '2026-11-03'] });
    expect(splitReportRange('2026-11-23', '2026-11-30', now)).toEqual({ closed: [], open: { from: '2026-11-23', to: '2026-11-30' } });
    expect(splitReportRange('2026-11-22', '2026-11-22', now)).toEqual({ closed: ['2026-11-22'] });
  });
});
