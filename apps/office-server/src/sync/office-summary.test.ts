import { officeSummarySchema } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { demoConfig } from '../testing/test-office.js';
import { officeSummaryOf, officeWideBreaks } from './office-summary.js';

const op = (id: string, roles: ('operator' | 'head' | 'admin')[] = ['operator']) => ({ id, name: id, login: id, passwordHash: 'scrypt$x', roles });
const lunch = (operatorId: string, from: string, to: string) => ({ operatorId, from, to, reason: 'lunch' });

describe('office-wide breaks', () => {
  it.each([
    ['staggered lunches leave none', [op('a'), op('b')], [lunch('a', '12:00', '12:45'), lunch('b', '13:00', '13:45')], []],
    ['overlap only where all are out', [op('a'), op('b')], [lunch('a', '12:00', '13:00'), lunch('b', '12:30', '13:30')], [{ from: '12:30', to: '13:00' }]],
    ['a head without breaks does not keep the office open', [op('a'), op('h', ['head'])], [lunch('a', '13:00', '13:45')], [{ from: '13:00', to: '13:45' }]],
    ['one operator never on break', [op('a'), op('b')], [lunch('a', '13:00', '13:45')], []],
  ])('%s', (_label, operators, breaks, expected) => {
    expect(officeWideBreaks({ operators, breaks } as never)).toEqual(expected);
  });
});

describe('office summary', () => {
  it('describes the demo office in the shape central checks', () => {
    const summary = officeSummaryOf(demoConfig());
    expect(officeSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.services.find((s) => s.id === 'contracts')).toMatchObject({ bookable: true, slotMinutes: 30, capacityPerSlot: 1 });
  });
});
