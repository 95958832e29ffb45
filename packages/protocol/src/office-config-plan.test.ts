import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkOfficeConfig } from './office-config.js';

const demo = () => JSON.parse(readFileSync(new URL('../../../apps/office-server/config/demo-office.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the office config’s `plan` section', () => {
  it('defaults every key when the section is absent', () => {
    const check = checkOfficeConfig(demo());
    expect(check.ok && check.config.plan).toEqual({
      historyWeeks: 6,
      targetShare: 0.8,
      lunchFrom: '11:00',
      lunchUntil: '16:00',
      lunchStepMinutes: 15,
      lunchMinutes: 45,
      simulatedDays: 6,
    });
  });

  it.each([
    [{ lunchFrom: '15:00', lunchUntil: '12:00' }, 'plan.lunchUntil'],
    [{ targetShare: 1 }, 'plan.targetShare'],
    [{ historyWeeks: 0 }, 'plan.historyWeeks'],
    [{ lunchFrom: '25:00' }, 'plan.lunchFrom'],
  ])('refuses %j and names the field', (plan, path) => {
    const check = checkOfficeConfig({ ...demo(), plan });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.issues.map((i) => i.path)).toContain(path);
  });
});
