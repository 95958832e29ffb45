import { checkOfficeConfig, type OfficeConfig } from '@talon/protocol';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dayHours,
  deskServiceIds,
  fieldKey,
  numberValue,
  problemsByField,
  textValue,
  toggleDeskService,
  updateAt,
  valueAt,
  withDayHours,
  withNewBreak,
  withNewCategory,
  withNewDesk,
  withNewDevice,
  withNewOperator,
  withNewHoliday,
  withNewService,
  withNewSpecialDay,
  withoutItem,
  withSecretsOf,
} from './config-form.js';

function demo(): OfficeConfig {
  const raw = JSON.parse(readFileSync(new URL('../../../office-server/config/demo-office.json', import.meta.url), 'utf8')) as unknown;
  const check = checkOfficeConfig(raw);
  if (!check.ok) throw new Error(check.problems.join('\n'));
  return check.config;
}

/** What the server would say about a draft. */
function problems(config: OfficeConfig): string[] {
  const check = checkOfficeConfig(config);
  return check.ok ? [] : check.problems;
}

describe('field paths', () => {
  it('name fields the way the server names them', () => {
    expect(fieldKey(['services', 1, 'prefix'])).toBe('services[1].prefix');
    expect(fieldKey(['desks', 2, 'services', 0])).toBe('desks[2].services[0]');
    expect(fieldKey(['office', 'name'])).toBe('office.name');
  });

  it('group a refusal by field', () => {
    const byField = problemsByField('services[1].prefix: prefix A is already used by service "payments"\ndesks[0].number: desk number 1 is used twice\nservices[1].prefix: second');
    expect([...byField.keys()]).toEqual(['services[1].prefix', 'desks[0].number']);
    expect(byField.get('services[1].prefix')).toEqual(['prefix A is already used by service "payments"', 'second']);
  });

  it('keep a line without a field as a problem of the whole config', () => {
    expect(problemsByField('something odd').get('(root)')).toEqual(['something odd']);
  });
});

describe('updateAt', () => {
  it('changes one field and leaves the original alone', () => {
    const config = demo();
    const next = updateAt(config, ['services', 0, 'hint'], 'Новая подсказка');
    expect(next.services[0]!.hint).toBe('Новая подсказка');
    expect(config.services[0]!.hint).toBe('Оплата счетов, справки, вопросы по начислениям');
    expect(next.services[1]).toBe(config.services[1]);
    expect(valueAt(next, ['services', 0, 'hint'])).toBe('Новая подсказка');
  });

  it('removes an emptied optional field so the config stays valid', () => {
    const next = updateAt(demo(), ['services', 0, 'hintEn'], textValue('   '));
    expect('hintEn' in next.services[0]!).toBe(false);
    expect(problems(next)).toEqual([]);
  });
});

describe('typed values', () => {
  it.each([
    ['12', 12],
    [' 7.5 ', 7.5],
    ['7,5', 7.5],
    ['', ''],
    ['двенадцать', 'двенадцать'],
  ])('numberValue(%j) -> %j', (input, value) => {
    expect(numberValue(input)).toBe(value);
  });

  it('lets the server name a number field that is not a number', () => {
    const next = updateAt(demo(), ['services', 2, 'normMinutes'], numberValue('пять'));
    expect(problems(next).some((p) => p.startsWith('services[2].normMinutes:'))).toBe(true);
  });
});

describe('desk services', () => {
  it('reads both config spellings in order', () => {
    const config = demo();
    expect(deskServiceIds(config.desks[0]!)).toEqual(['payments', 'meters']);
    expect(deskServiceIds(config.desks[1]!)).toEqual(['payments', 'meters', 'contracts']);
  });

  it('adds at the end with weight 1 and removes without touching the others', () => {
    const desk = demo().desks[0]!;
    const added = toggleDeskService(desk, 'business', true);
    expect(added.services).toEqual([...desk.services, { serviceId: 'business', weight: 1 }]);
    expect(toggleDeskService(added, 'business', true)).toBe(added);
    expect(toggleDeskService(added, 'payments', false).services).toEqual([
      { serviceId: 'meters', weight: 1 },
      { serviceId: 'business', weight: 1 },
    ]);
  });

  it('a desk with no services is refused with the field named', () => {
    const config = demo();
    const emptied = updateAt(config, ['desks', 0], toggleDeskService(toggleDeskService(config.desks[0]!, 'payments', false), 'meters', false));
    expect(problems(emptied).some((p) => p.startsWith('desks[0].services:'))).toBe(true);
  });
});

describe('opening hours', () => {
  it('round-trips an open and a closed day', () => {
    const config = demo();
    expect(dayHours(config, 'mon')).toEqual({ open: true, from: '08:00', to: '17:00' });
    expect(dayHours(config, 'sun').open).toBe(false);
    const changed = withDayHours(withDayHours(config, 'sun', { open: true, from: '10:00', to: '14:00' }), 'mon', { open: false, from: '08:00', to: '17:00' });
    expect(changed.hours.sun).toEqual({ open: '10:00', close: '14:00' });
    expect(changed.hours.mon).toBeNull();
    expect(problems(changed)).toEqual([]);
  });
});

describe('new items', () => {
  it('each new item keeps the config valid', () => {
    const config = demo();
    for (const add of [withNewService, withNewDesk, withNewOperator, withNewDevice, withNewCategory, withNewBreak]) {
      expect(problems(add(config))).toEqual([]);
    }
  });

  it('a new service takes a free id and a free ticket letter', () => {
    const config = withNewService(withNewService(demo()));
    const [first, second] = config.services.slice(-2);
    expect(first!.id).not.toBe(second!.id);
    expect(first!.prefix).not.toBe(second!.prefix);
    expect(config.services.slice(0, 5).map((s) => s.prefix)).not.toContain(first!.prefix);
  });

  it('a new desk takes the next number', () => {
    expect(withNewDesk(demo()).desks.at(-1)).toMatchObject({ number: 5, name: 'Окно 5' });
  });

  it('removing a service a desk serves is refused with the desk field named', () => {
    const config = demo();
    const index = config.services.findIndex((s) => s.id === 'meters');
    expect(problems(withoutItem(config, 'services', index))).toContain('desks[0].services[1]: unknown service "meters"');
  });
});

describe('withSecretsOf', () => {
  it('takes new hashes from the server and keeps every other edit of the draft', () => {
    const server = demo();
    const newHash = `sha256$${'a'.repeat(64)}`;
    const rotated = updateAt(updateAt(server, ['devices', 1, 'tokenHash'], newHash), ['operators', 1, 'passwordHash'], 'scrypt$new');
    const draft = withNewOperator(updateAt(server, ['services', 0, 'hint'], 'Черновик'));
    const merged = withSecretsOf(draft, rotated);
    expect(merged.devices[1]!.tokenHash).toBe(newHash);
    expect(merged.operators[1]!.passwordHash).toBe('scrypt$new');
    expect(merged.services[0]!.hint).toBe('Черновик');
    // An operator the server has not seen yet keeps the draft's hash.
    expect(merged.operators.at(-1)!.passwordHash).toBe(draft.operators.at(-1)!.passwordHash);
    expect(merged.devices[0]).toEqual(draft.devices[0]);
  });
});

describe('special days', () => {
  it('adds the next free date after today with valid hours, and the server takes it', () => {
    const once = withNewSpecialDay({ ...demo(), holidays: [] }, '2026-11-23');
    const twice = withNewSpecialDay(once, '2026-11-23');
    expect(twice.specialDays).toEqual([
      { date: '2026-11-24', open: '08:00', close: '16:00' },
      { date: '2026-11-25', open: '08:00', close: '16:00' },
    ]);
    expect(problems(twice)).toEqual([]);
    expect(withNewSpecialDay({ ...demo(), holidays: [] }, '2026-12-31').specialDays[0]!.date).toBe('2027-01-01');
  });

  it('starts a new holiday on a date that is neither a holiday nor a special day yet', () => {
    const config = withNewHoliday(withNewSpecialDay({ ...demo(), holidays: ['2026-11-24'] }, '2026-11-23'), '2026-11-23');
    expect(config.specialDays.map((d) => d.date)).toEqual(['2026-11-25']);
    expect(config.holidays).toEqual(['2026-11-24', '2026-11-26']);
    expect(problems(config)).toEqual([]);
    expect(withoutItem(config, 'holidays', 0).holidays).toEqual(['2026-11-26']);
  });

  it('names the field when a special day clashes with a holiday', () => {
    const config = { ...withNewSpecialDay(demo(), '2026-11-23'), holidays: ['2026-11-24'] };
    expect(problems(config)).toContain('specialDays[0].date: 2026-11-24 is also a holiday: keep one');
    expect(problems(withoutItem(config, 'specialDays', 0))).toEqual([]);
  });
});
