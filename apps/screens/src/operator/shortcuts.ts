import type { DeskAction } from './desk-actions.js';

/** Actions a key may trigger; calling a given number and taking back need a choice, so have no key. */
export type ShortcutAction = Extract<
  DeskAction,
  'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'transfer' | 'postpone' | 'pause' | 'resume'
>;

/**
 * Digits, matched by physical key (`event.code`), so the same key works whether the desk PC's
 * keyboard is on the Russian or the Latin layout; the numeric keypad works too. F-keys were
 * rejected: the browser keeps several of them (F5 reloads, F6 jumps to the address bar).
 * Closing the desk has no key on purpose: one stray press would send the hall elsewhere.
 */
export const SHORTCUTS: Readonly<Record<ShortcutAction, string>> = {
  'call-next': '1',
  recall: '2',
  start: '3',
  finish: '4',
  'no-show': '5',
  transfer: '6',
  postpone: '7',
  pause: '8',
  resume: '9',
};

export interface KeyPress {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Focus is in a text field or a list, where digits are typing, not commands. */
  inTextField: boolean;
  repeat: boolean;
}

const byDigit = new Map<string, ShortcutAction>(Object.entries(SHORTCUTS).map(([action, digit]) => [digit, action as ShortcutAction]));

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  // A held key must not call three visitors in a row.
  if (press.repeat || press.inTextField) return null;
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return null;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(press.code)?.[1];
  return digit === undefined ? null : (byDigit.get(digit) ?? null);
}

/** Elements where a key press belongs to the field, not to the console. */
export function isTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}
