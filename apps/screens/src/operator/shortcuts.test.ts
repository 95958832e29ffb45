import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts.js';

const press = (code: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  inTextField: false,
  repeat: false,
  ...extra,
});

describe('shortcutFor', () => {
  it.each([
    ['Digit1', 'call-next'],
    ['Numpad1', 'call-next'],
    ['Digit2', 'recall'],
    ['Digit3', 'start'],
    ['Digit4', 'finish'],
    ['Numpad4', 'finish'],
    ['Digit5', 'no-show'],
    ['Digit6', 'transfer'],
    ['Digit7', 'postpone'],
    ['Digit8', 'pause'],
    ['Digit9', 'resume'],
    ['Digit0', null],
    ['KeyN', null],
    ['F5', null],
    ['Enter', null],
  ])('%s -> %s', (code, action) => {
    expect(shortcutFor(press(code))).toBe(action);
  });

  it.each([
    ['typing in a field', { inTextField: true }],
    ['a held key', { repeat: true }],
    ['Ctrl', { ctrlKey: true }],
    ['Alt', { altKey: true }],
    ['Shift', { shiftKey: true }],
    ['Meta', { metaKey: true }],
  ])('ignores digits with %s', (_name, extra) => {
    expect(shortcutFor(press('Digit1', extra))).toBeNull();
  });

  it('gives every action its own key', () => {
    const keys = Object.values(SHORTCUTS);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
