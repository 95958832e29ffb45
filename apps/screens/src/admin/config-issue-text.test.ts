import { t, type Language } from '@talon/messages';
import { checkOfficeConfig, type OfficeConfig } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import demo from '../../../office-server/config/demo-office.json' with { type: 'json' };
import { issueLines } from './config-issue-text.js';

const in_ = (language: Language) => (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(language, key, params);

/** The demo config with one edit, checked by the server's own schema, then read as the admin screen reads it. */
function linesAfter(edit: (config: OfficeConfig) => void, language: Language = 'ru'): string[] {
  const config = structuredClone(demo) as unknown as OfficeConfig;
  edit(config);
  const check = checkOfficeConfig(config);
  if (check.ok) throw new Error('the edit was accepted');
  return issueLines(check.issues, in_(language));
}

describe("the admin screen's words for a refused config (issue 15: never zod's English)", () => {
  it.each<[string, (c: OfficeConfig) => void, Language, string]>([
    ['an emptied service name', (c) => (c.services[0]!.name = ''), 'ru', 'Услуга 1, Название: не заполнено'],
    ['the same in English', (c) => (c.services[0]!.name = ''), 'en', 'Service 1, Name: required'],
    ['a norm typed as words', (c) => ((c.services[2] as { normMinutes: unknown }).normMinutes = 'пять'), 'ru', 'Услуга 3, Норма приёма, мин: нужно число'],
    ['a negative norm', (c) => (c.services[2]!.normMinutes = -1), 'ru', 'Услуга 3, Норма приёма, мин: должно быть больше 0'],
    ['a slot of 3 minutes', (c) => (c.services[0]!.bookingSlotMinutes = 3), 'ru', 'Услуга 1, Длительность слота записи, мин: не меньше 5'],
    ['a letter used twice', (c) => (c.services[1]!.prefix = 'A'), 'ru', 'Услуга 2, Буква талона: буква A уже у другой услуги'],
    ['a letter not on the list', (c) => ((c.services[1] as { prefix: string }).prefix = 'Я'), 'ru', 'Услуга 2, Буква талона: одно из: A B E K M H O P C T X'],
    ['a break that ends before it starts', (c) => (c.breaks[0]!.to = '11:00'), 'ru', 'Перерыв 1, До: перерыв должен кончаться позже, чем начинается'],
    ['a bad time', (c) => (c.breaks[0]!.from = '25:00'), 'ru', 'Перерыв 1, С: время в виде ЧЧ:ММ'],
    ['closing before opening', (c) => (c.hours.mon = { open: '18:00', close: '09:00' }), 'ru', 'Понедельник: открытие должно быть раньше закрытия'],
    ['a login used twice', (c) => (c.operators[1]!.login = 'ivanova'), 'en', 'Staff member 2, Login: the login "ivanova" is taken'],
  ])('%s', (_label, edit, language, expected) => {
    expect(linesAfter(edit, language)).toContain(expected);
  });

  it('never passes English through the Russian lines', () => {
    const lines = linesAfter((c) => {
      c.services[0]!.name = '';
      c.desks[0]!.number = 0;
      c.office.timeZone = 'Moon/Base';
    });
    for (const line of lines) expect(line).not.toMatch(/Too small|expected|Invalid/);
  });
});
