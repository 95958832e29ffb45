import { describe, expect, it } from 'vitest';
import { presetPeriod } from './period-preset.js';

describe('Quality view period presets', () => {
  it.each([
    ['week', '2026-12-05', 0, { from: '2026-11-30', to: '2026-12-06' }],
    ['week', '2026-12-05', -1, { from: '2026-11-23', to: '2026-11-29' }],
    ['month', '2026-12-05', 0, { from: '2026-12-01', to: '2026-12-31' }],
    ['month', '2026-03-31', -1, { from: '2026-02-01', to: '2026-02-28' }],
    ['month', '2027-01-15', -1, { from: '2026-12-01', to: '2026-12-31' }],
    ['quarter', '2026-12-05', 0, { from: '2026-10-01', to: '2026-12-31' }],
    ['quarter', '2026-02-10', -1, { from: '2025-10-01', to: '2025-12-31' }],
    ['quarter', '2026-11-30', 1, { from: '2027-01-01', to: '2027-03-31' }],
  ] as const)('%s of %s moved %d', (preset, today, offset, expected) => {
    expect(presetPeriod(preset, today, offset)).toEqual(expected);
  });
});
