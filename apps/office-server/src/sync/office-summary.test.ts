import { officeSummarySchema } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { demoConfig } from '../testing/test-office.js';
import { officeSummaryOf } from './office-summary.js';

describe('office summary', () => {
  it('describes the demo office in the shape central checks', () => {
    const summary = officeSummaryOf(demoConfig());
    expect(officeSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.breaks.every((b) => b.days === undefined)).toBe(true);
    expect(summary.services.find((s) => s.id === 'contracts')).toMatchObject({ bookable: true, slotMinutes: 30, capacityPerSlot: 1 });
    // Without special days the summary has no such field, so a central from before them still takes it.
    expect(summary).not.toHaveProperty('specialDays');
  });

  it('sends special days up when the office has them', () => {
    const specialDays = [{ date: '2026-11-03', open: '08:00', close: '16:00' }];
    const summary = officeSummaryOf(demoConfig((c) => (c.specialDays = specialDays)));
    expect(officeSummarySchema.parse(summary).specialDays).toEqual(specialDays);
  });
});
