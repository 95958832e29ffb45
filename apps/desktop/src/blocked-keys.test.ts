import { describe, expect, it } from 'vitest';
import { isBlockedInput } from './blocked-keys.js';
import type { WindowKind } from './window-options.js';

const key = (key: string, modifiers = '') => ({
  type: 'keyDown',
  key,
  control: modifiers.includes('ctrl'),
  meta: modifiers.includes('meta'),
  alt: modifiers.includes('alt'),
  shift: modifiers.includes('shift'),
});

describe('blocked keys', () => {
  it.each([
    // kind, key, modifiers, blocked
    ['kiosk', '=', 'ctrl', true],
    ['kiosk', '+', 'ctrl shift', true],
    ['kiosk', '-', 'ctrl', true],
    ['kiosk', '0', 'meta', true],
    ['operator', '=', 'ctrl', true],
    ['board', '-', 'ctrl', true],
    ['kiosk', 'F4', 'alt', true],
    ['kiosk', 'F11', '', true],
    ['kiosk', 'F12', '', true],
    ['kiosk', 'F5', '', true],
    ['kiosk', 'w', 'ctrl', true],
    ['kiosk', 'q', 'ctrl', true],
    ['kiosk', 'r', 'ctrl', true],
    ['kiosk', 'I', 'ctrl shift', true],
    ['kiosk', 'ArrowLeft', 'alt', true],
    ['board', 'F11', '', true],
    ['kiosk', '5', '', false],
    ['kiosk', 'Enter', '', false],
    ['kiosk', 'Backspace', '', false],
    ['kiosk', 'a', 'shift', false],
    ['kiosk', 'c', 'ctrl', false],
    ['operator', 'F5', '', false],
    ['operator', 'w', 'ctrl', false],
    ['operator', 'F4', 'alt', false],
    ['setup', 'v', 'ctrl', false],
  ] as [WindowKind, string, string, boolean][])('%s: %s with [%s] blocked: %s', (kind, name, modifiers, blocked) => {
    expect(isBlockedInput(kind, key(name, modifiers))).toBe(blocked);
  });

  it('lets key releases through (only presses act)', () => {
    expect(isBlockedInput('kiosk', { ...key('F11'), type: 'keyUp' })).toBe(false);
  });
});
