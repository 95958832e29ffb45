import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_FILE } from '../testing/test-office.js';
import { loadOfficeConfig, OfficeConfigError } from './load-office-config.js';
import { officeSetupFromConfig } from './office-setup-from-config.js';

describe('the office config file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'talon-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const withEdit = (edit: (config: Record<string, any>) => void) => {
    const config = JSON.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8'));
    edit(config);
    const file = join(dir, 'office.json');
    writeFileSync(file, JSON.stringify(config));
    return file;
  };
  const problemsOf = (file: string) => {
    try {
      loadOfficeConfig(file);
    } catch (error) {
      expect(error).toBeInstanceOf(OfficeConfigError);
      return (error as OfficeConfigError).problems;
    }
    throw new Error('config was accepted');
  };

  it('accepts the demo office', () => {
    const config = loadOfficeConfig(DEMO_CONFIG_FILE);
    expect(config.services.map((s) => s.prefix)).toEqual(['A', 'B', 'C', 'K', 'E']);
    expect(config.desks).toHaveLength(4);
    expect(config.categories.map((c) => c.name)).toEqual(['Инвалиды', 'Участники СВО и члены их семей', 'Ветераны']);
    expect(config.operators.every((o) => o.passwordHash.startsWith('scrypt$'))).toBe(true);
  });

  it.each([
    ['a Cyrillic prefix', (c: any) => (c.services[0].prefix = 'Б'), 'services[0].prefix'],
    ['a prefix used twice', (c: any) => (c.services[1].prefix = 'A'), 'services[1].prefix'],
    ['a desk serving an unknown service', (c: any) => (c.desks[2].services[0] = 'haircut'), 'desks[2].services[0]'],
    ['an unknown time zone', (c: any) => (c.office.timeZone = 'Mars/Olympus'), 'office.timeZone'],
    ['hours closing before opening', (c: any) => (c.hours.mon = { open: '17:00', close: '08:00' }), 'hours.mon'],
    ['a plain-text password', (c: any) => (c.operators[0].passwordHash = 'demo'), 'operators[0].passwordHash'],
    ['a break of an unknown operator', (c: any) => (c.breaks[0].operatorId = 'nobody'), 'breaks[0].operatorId'],
    ['a break on a day that is not one', (c: any) => (c.breaks[0].days = ['sab']), 'breaks[0].days[0]'],
    ['two desks numbered alike', (c: any) => (c.desks[1].number = 1), 'desks[1].number'],
    ['no services at all', (c: any) => (c.services = []), 'services'],
    ['a special day closing before it opens', (c: any) => (c.specialDays = [{ date: '2026-11-03', open: '16:00', close: '08:00' }]), 'specialDays[0].close'],
    ['a special day that is also a holiday', (c: any) => ((c.holidays = ['2026-11-04']), (c.specialDays = [{ date: '2026-11-04', open: '08:00', close: '16:00' }])), 'specialDays[0].date'],
    ['a special day that does not exist', (c: any) => (c.specialDays = [{ date: '2026-02-30', open: '08:00', close: '16:00' }]), 'specialDays[0].date'],
    ['a holiday that does not exist', (c: any) => (c.holidays = ['2026-13-01']), 'holidays[0]'],
    ['a special day listed twice', (c: any) => (c.specialDays = [{ date: '2026-11-03', open: '08:00', close: '16:00' }, { date: '2026-11-03', open: '09:00', close: '15:00' }]), 'specialDays[1].date'],
  ])('refuses %s and names the field', (_label, edit, field) => {
    const problems = problemsOf(withEdit(edit));
    expect(problems.some((p) => p.startsWith(`${field}:`)), problems.join('\n')).toBe(true);
  });

  it('keeps a break to the weekdays it names, as the queue engine counts them (Monday 1)', () => {
    const file = withEdit((c) => (c.breaks[0].days = ['mon', 'sat']));
    const setup = officeSetupFromConfig(loadOfficeConfig(file));
    expect(setup.schedule.breaks[0]!.days).toEqual([1, 6]);
    expect(setup.schedule.breaks[1]!.days).toBeUndefined();
  });

  it('says what is wrong with a file that is not JSON', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "office": ');
    expect(problemsOf(file)[0]).toMatch(/not valid JSON/);
  });
});
