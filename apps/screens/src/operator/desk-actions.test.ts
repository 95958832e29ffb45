import { describe, expect, it } from 'vitest';
import { allowedActions, type DeskSituation } from './desk-actions.js';

const called = { status: 'called', kind: 'walk-in' } as const;
const serving = { status: 'serving', kind: 'walk-in' } as const;
const pendingPriority = { status: 'called', kind: 'priority', categoryCheck: 'pending' } as const;
const checkedPriority = { status: 'serving', kind: 'priority', categoryCheck: 'confirmed' } as const;

const cases: [string, DeskSituation, string[]][] = [
  ['closed desk: nothing', { desk: { status: 'closed' }, waiting: 3, postponed: 1 }, []],
  ['paused desk: resume or close only', { desk: { status: 'paused' }, waiting: 3, postponed: 1 }, ['close', 'resume']],
  ['open and free, nobody waiting', { desk: { status: 'open' }, waiting: 0, postponed: 0 }, ['close', 'pause']],
  ['open and free, people waiting', { desk: { status: 'open' }, waiting: 2, postponed: 0 }, ['call', 'call-next', 'close', 'pause']],
  ['open and free, a parked visitor', { desk: { status: 'open' }, waiting: 0, postponed: 1 }, ['close', 'pause', 'take-back']],
  [
    'visitor called',
    { desk: { status: 'open', currentTicket: called }, waiting: 5, postponed: 1 },
    ['no-show', 'postpone', 'recall', 'start', 'transfer'],
  ],
  ['visitor being served', { desk: { status: 'open', currentTicket: serving }, waiting: 5, postponed: 0 }, ['finish', 'postpone', 'transfer']],
  [
    'priority visitor called, document not checked',
    { desk: { status: 'open', currentTicket: pendingPriority }, waiting: 0, postponed: 0 },
    ['confirm-category', 'no-show', 'postpone', 'recall', 'start', 'transfer'],
  ],
  [
    'priority visitor served, document checked',
    { desk: { status: 'open', currentTicket: checkedPriority }, waiting: 0, postponed: 0 },
    ['finish', 'postpone', 'transfer'],
  ],
];

describe('allowedActions', () => {
  it.each(cases)('%s', (_name, situation, expected) => {
    expect([...allowedActions(situation)].sort()).toEqual(expected);
  });

  it('never lets a busy desk pause, close or call', () => {
    for (const ticket of [called, serving, pendingPriority]) {
      const allowed = allowedActions({ desk: { status: 'open', currentTicket: ticket }, waiting: 9, postponed: 9 });
      for (const action of ['pause', 'close', 'call-next', 'call', 'take-back', 'resume'] as const) expect(allowed.has(action)).toBe(false);
    }
  });
});
