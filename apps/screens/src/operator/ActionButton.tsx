import type { ReactNode } from 'react';
import { SHORTCUTS, type ShortcutAction } from './shortcuts.js';

/**
 * A console button whose key is printed on it; the accessible name starts with the action's words,
 * so «Вызвать следующего 1» is still found as «Вызвать следующего».
 */
export function ActionButton({
  shortcut,
  disabled,
  onClick,
  tone = 'plain',
  children,
}: {
  shortcut?: ShortcutAction;
  disabled: boolean;
  onClick: () => void;
  tone?: 'primary' | 'plain' | 'warn';
  children: ReactNode;
}) {
  const key = shortcut ? SHORTCUTS[shortcut] : undefined;
  return (
    <button type="button" className={`op-action op-action--${tone}`} disabled={disabled} onClick={onClick} aria-keyshortcuts={key}>
      <span>{children}</span>
      {key && <kbd aria-hidden="true">{key}</kbd>}
    </button>
  );
}
