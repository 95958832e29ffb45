import type { OfficeConfig } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { awayWhileOpen } from './break-coverage.js';

const op = (id: string) => ({ id, name: id, login: id, passwordHash: 'scrypt$x', roles: ['operator' as const] });
const lunch = (operatorId: string, from: string, to: string, days?: ('mon' | 'sat')[]) => ({ operatorId, from, to, reason: 'lunch', ...(days && { days }) });
const hours = {
  mon: { open: '08:00', close: '17:00' },
  tue: { open: '08:00', close: '17:00' },
  wed: { open: '08:00', close: '17:00' },
  thu: { open: '08:00', close: '17:00' },
  fri: { open: '08:00', close: '17:00' },
  sat: { open: '09:00', close: '13:00' },
  sun: null,
};

describe('times when the whole office is at lunch', () => {
  it.each([
    ['staggered lunches: none', [lunch('a', '12:00', '12:45'), lunch('b', '12:45', '13:30')], []],
    ['a shared lunch on every working day, not on the closed Sunday', [lunch('a', '13:00', '13:45'), lunch('b', '13:00', '13:45')], [{ from: '13:00', to: '13:45', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }]],
    ['a shared break that starts before the short Saturday closes counts on Saturday too', [lunch('a', '12:30', '13:30'), lunch('b', '12:30', '13:30')], [{ from: '12:30', to: '13:30', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }]],
    ['a shared break after closing is harmless', [lunch('a', '17:00', '17:30'), lunch('b', '17:00', '17:30')], []],
    ['Saturday only', [lunch('a', '11:00', '11:30', ['sat']), lunch('b', '11:00', '11:30', ['sat'])], [{ from: '11:00', to: '11:30', days: ['sat'] }]],
  ])('%s', (_label, breaks, expected) => {
    expect(awayWhileOpen({ operators: [op('a'), op('b')], breaks, hours } as unknown as OfficeConfig)).toEqual(expected);
  });
});

describe("the demo office's head is not counted as cover", () => {
  // Issue 15: all four desk operators at lunch 12:00-12:45 while the head (roles head + operator) stays in.
  const people = [op('a'), op('b'), op('c'), op('d'), { ...op('head'), roles: ['head' as const, 'operator' as const] }];
  const lunches = ['a', 'b', 'c', 'd'].map((id) => lunch(id, '12:00', '12:45'));
  it('names the window when every desk operator is out', () => {
    expect(awayWhileOpen({ operators: people, breaks: lunches, hours } as unknown as OfficeConfig)).toEqual([
      { from: '12:00', to: '12:45', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
    ]);
  });
});
