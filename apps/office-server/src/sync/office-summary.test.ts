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
  });
});
