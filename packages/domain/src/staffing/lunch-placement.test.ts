import { describe, expect, it } from 'vitest';
import { instantOfLocal } from '../office-hours.js';
import { testOffice } from '../testing/office-fixture.js';
import type { PlannedVisitor } from './day-arrivals.js';
import { placeLunches } from './lunch-placement.js';

const DATE = '2026-12-01';
const at = (time: string) => instantOfLocal('Europe/Moscow', DATE, time);
const visitor = (id: string, time: string, minutes: number): PlannedVisitor => ({
  ticket: { id, number: id, serviceId: 'payments', officeDay: DATE, kind: 'walk-in', issuedAt: at(time), queuedAt: at(time), status: 'waiting', recalls: 0 },
  deskMs: minutes * 60_000,
});
// Two desks serving payments; the config sends op1 to lunch 11:00-12:00 and op2 12:00-13:00.
const setup = testOffice((s) => {
  s.desks = [
    { id: 'd1', number: 1, name: 'Окно 1', servicePolicy: 'order', services: [{ serviceId: 'payments', weight: 1 }] },
    { id: 'd2', number: 2, name: 'Окно 2', servicePolicy: 'order', services: [{ serviceId: 'payments', weight: 1 }] },
  ];
  s.schedule.breaks = [
    { operatorId: 'op1', from: '11:00', to: '12:00', reason: 'lunch' },
    { operatorId: 'op2', from: '12:00', to: '13:00', reason: 'lunch' },
  ];
});
const roster = [
  { deskId: 'd1', deskNumber: 1, operatorId: 'op1' },
  { deskId: 'd2', deskNumber: 2, operatorId: 'op2' },
];
// A rush at 11:00-11:40 that needs both desks: four visits of 20 minutes.
const rush = [visitor('A', '11:00', 20), visitor('B', '11:00', 20), visitor('C', '11:20', 20), visitor('D', '11:20', 20)];
const rules = { windowFrom: '11:00', windowTo: '14:00', stepMinutes: 60, defaultMinutes: 45 };

describe('lunches placed by playing the expected day', () => {
  const { options, played } = placeLunches(setup, DATE, at('08:00'), roster, [rush], rules, 5);

  it('by hand: both desks through the rush, lunches after it, every visitor in time', () => {
    expect(options[0]).toMatchObject({
      lunches: [
        { operatorId: 'op1', from: '12:00', to: '13:00' },
        { operatorId: 'op2', from: '13:00', to: '14:00' },
      ],
      expectedShare: 1,
      meanWaitMin: 0,
      current: false,
    });
  });

  it('by hand: the configured lunches leave desk 2 alone in the rush: B and D wait 40 minutes, half in time', () => {
    // Desk 2 calls A at 11:00, C at 11:20 (still in time), B at 11:40 (past the 30-minute hard limit); desk 1 is back at 12:00 for D.
    const current = options.find((o) => o.current);
    expect(current).toMatchObject({ expectedShare: 0.5, meanWaitMin: 20, longestWaitMin: 40 });
    expect(current?.lunches).toEqual([
      { operatorId: 'op1', from: '11:00', to: '12:00' },
      { operatorId: 'op2', from: '12:00', to: '13:00' },
    ]);
  });

  it('shows each option tried with its share, best first; the current one first among equals', () => {
    expect(options.map((o) => [o.lunches.map((l) => l.from).join(' '), o.expectedShare, o.current])).toEqual([
      ['12:00 13:00', 1, false],
      ['11:00 12:00', 0.5, true],
      ['11:00 13:00', 0.5, false],
      ['12:00 11:00', 0.5, false],
    ]);
    expect(played).toBe(4);
  });

  it('never sends both operators to lunch at once', () => {
    for (const o of options) expect(o.lunches[0]?.from).not.toBe(o.lunches[1]?.from);
  });

  it('returns at most the options asked for, and always the current one', () => {
    const two = placeLunches(setup, DATE, at('08:00'), roster, [rush], rules, 1).options;
    expect(two.map((o) => [o.expectedShare, o.current])).toEqual([
      [1, false],
      [0.5, true],
    ]);
  });

  it('an operator without a configured lunch gets one of the default length', () => {
    const noLunch = testOffice((s) => {
      s.desks = setup.desks;
      s.schedule.breaks = [];
    });
    const placed = placeLunches(noLunch, DATE, at('08:00'), roster, [rush], { ...rules, stepMinutes: 15 }, 3).options;
    expect(placed[0]?.expectedShare).toBe(1);
    for (const l of placed[0]?.lunches ?? []) expect(Number(l.to.slice(3)) - Number(l.from.slice(3)) + 60 * (Number(l.to.slice(0, 2)) - Number(l.from.slice(0, 2)))).toBe(45);
    expect(placed.some((o) => o.current)).toBe(false);
  });
});
