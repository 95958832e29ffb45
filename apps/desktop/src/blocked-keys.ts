import type { Input } from 'electron';
import type { WindowKind } from './window-options.js';

/**
 * Keys the shell swallows before the page sees them. Zoom is refused everywhere (the screens are
 * laid out for their display); on a kiosk or board nothing may close, reload, leave full screen
 * or open developer tools, since a stray keyboard in the hall would otherwise be a way out.
 */
export function isBlockedInput(kind: WindowKind, input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (command && ['+', '-', '=', '0', '_'].includes(key)) return true;
  if (kind !== 'kiosk' && kind !== 'board') return false;
  if (['f5', 'f11', 'f12'].includes(key)) return true;
  if (input.alt && (key === 'f4' || key === 'alt' || key === 'home' || key === 'arrowleft' || key === 'arrowright')) return true;
  if (command && ['w', 'q', 'r', 'n', 't', 'p', 's', 'o', 'l', 'u', 'f4'].includes(key)) return true;
  if (command && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}
