import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { officeConfigSchema } from '@talon/protocol';
import { officeSetupFromConfig } from '../config/office-setup-from-config.js';
import { qualityRulesFromConfig } from './quality-rules.js';

const demo = JSON.parse(readFileSync(fileURLToPath(new URL('../../config/demo-office.json', import.meta.url)), 'utf8'));

describe('quality rules from the office config', () => {
  it('collects the outcomes marked as complaints, the repeat window and the hour in the office zone', () => {
    const config = officeConfigSchema.parse(demo);
    const rules = qualityRulesFromConfig(config, officeSetupFromConfig(config).schedule);
    expect([...rules.complaintOutcomeIds].sort()).toEqual(['bill-complaint', 'claim-accepted']);
    expect(rules.repeatWindowDays).toBe(30);
    expect(rules.holidays.has('2027-01-01')).toBe(true);
    // Moscow is UTC+3.
    expect(rules.hourOf(Date.UTC(2026, 10, 2, 7, 30))).toBe(10);
  });
  it('defaults: 30-day window, no secret, no complaint outcomes', () => {
    const { quality, ...rest } = demo;
    void quality;
    const config = officeConfigSchema.parse({ ...rest, services: rest.services.map((s: { outcomes: unknown[] }) => ({ ...s, outcomes: [] })) });
    expect(config.quality).toEqual({ repeatWindowDays: 30 });
    expect(qualityRulesFromConfig(config, officeSetupFromConfig(config).schedule).complaintOutcomeIds.size).toBe(0);
  });
  it('refuses a short secret', () => {
    const r = officeConfigSchema.safeParse({ ...demo, quality: { accountKeySecret: 'short' } });
    expect(r.success).toBe(false);
  });
});
