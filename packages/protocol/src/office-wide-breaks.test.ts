import { describe, expect, it } from 'vitest';
import { officeWideBreaks } from './office-wide-breaks.js';
import { officeSummarySchema } from './sync.js';

const op = (id: string, roles: ('operator' | 'head' | 'admin')[] = ['operator']) => ({ id, name: id, login: id, passwordHash: 'scrypt$x', roles });
const lunch = (operatorId: string, from: string, to: string, days?: string[]) => ({ operatorId, from, to, reason: 'lunch', ...(days && { days }) });
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('office-wide breaks', () => {
  it.each([
    ['staggered lunches leave none', [op('a'), op('b')], [lunch('a', '12:00', '12:45'), lunch('b', '13:00', '13:45')], []],
    ['overlap only where all are out', [op('a'), op('b')], [lunch('a', '12:00', '13:00'), lunch('b', '12:30', '13:30')], [{ from: '12:30', to: '13:00' }]],
    ['a head without breaks does not keep the office open', [op('a'), op('h', ['head'])], [lunch('a', '13:00', '13:45')], [{ from: '13:00', to: '13:45' }]],
    ['a head who may step in at a desk is not the cover', [op('a'), op('b'), op('h', ['head', 'operator'])], [lunch('a', '12:00', '12:45'), lunch('b', '12:00', '12:45')], [{ from: '12:00', to: '12:45' }]],
    ['one operator never on break', [op('a'), op('b')], [lunch('a', '13:00', '13:45')], []],
    ['a Saturday-only lunch of everyone holds on Saturday only', [op('a'), op('b')], [lunch('a', '12:00', '12:30', ['sat']), lunch('b', '12:00', '12:30', ['sat'])], [{ from: '12:00', to: '12:30', days: ['sat'] }]],
    ['lunches that overlap only on the days both apply', [op('a'), op('b')], [lunch('a', '13:00', '14:00'), lunch('b', '13:00', '14:00', ['mon', 'fri'])], [{ from: '13:00', to: '14:00', days: ['mon', 'fri'] }]],
    [
      'a weekday lunch and a different Saturday lunch',
      [op('a'), op('b')],
      [lunch('a', '13:00', '13:45', weekdays), lunch('b', '13:00', '13:45', weekdays), lunch('a', '11:00', '11:30', ['sat']), lunch('b', '11:00', '11:30', ['sat'])],
      [{ from: '11:00', to: '11:30', days: ['sat'] }, { from: '13:00', to: '13:45', days: weekdays }],
    ],
    ['weekday lists that add up to every day go without days', [op('a')], [lunch('a', '13:00', '13:45', weekdays), lunch('a', '13:00', '13:45', ['sat', 'sun'])], [{ from: '13:00', to: '13:45' }]],
    ['staggered on Saturday, shared on weekdays', [op('a'), op('b')], [lunch('a', '13:00', '13:45'), lunch('b', '13:00', '13:45', weekdays), lunch('b', '12:00', '12:45', ['sat'])], [{ from: '13:00', to: '13:45', days: weekdays }]],
  ])('%s', (_label, operators, breaks, expected) => {
    const windows = officeWideBreaks({ operators, breaks } as never);
    expect(windows).toEqual(expected);
    expect(officeSummarySchema.shape.breaks.parse(windows)).toEqual(windows);
  });
});
