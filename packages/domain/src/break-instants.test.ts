import { describe, expect, it } from 'vitest';
import { breakInstantsOf, pastBreaks } from './break-instants.js';
import type { ScheduledBreak } from './office-setup.js';

const minute = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h! * 60 + m!) * 60_000;
};

describe('pastBreaks', () => {
  const breaks = breakInstantsOf(
    [
      { operatorId: 'ivanova', from: '12:00', to: '12:45', reason: 'lunch' },
      // a short break that touches the lunch's end: the operator is back only after both
      { operatorId: 'ivanova', from: '12:45', to: '12:55', reason: 'other' },
      { operatorId: 'petrov', from: '13:00', to: '13:30', reason: 'lunch' },
      { operatorId: 'petrov', from: '13:20', to: '13:40', reason: 'other' },
    ] as ScheduledBreak[],
    minute,
  );

  it.each([
    ['ivanova', '11:59', '11:59'],
    ['ivanova', '12:00', '12:55'],
    ['ivanova', '12:50', '12:55'],
    ['ivanova', '12:55', '12:55'],
    ['petrov', '13:10', '13:40'],
    ['petrov', '12:10', '12:10'],
    ['sidorova', '12:10', '12:10'],
  ])('%s asked at %s is free at %s', (operatorId, at, free) => {
    expect(pastBreaks(breaks, operatorId, minute(at))).toBe(minute(free));
  });
});
