import type { ReactNode } from 'react';

/**
 * The kiosk's one kind of button: a title, then a hint. Both are its accessible name, title first:
 * a name narrower than the visible text would fail people who speak to their screen reader by what
 * they see (axe's label-content-name-mismatch).
 */
export function BigButton({
  title,
  hint,
  extra,
  tone = 'plain',
  onPress,
  testId,
}: {
  title: string;
  hint?: string | undefined;
  extra?: ReactNode;
  tone?: 'plain' | 'accent' | 'quiet';
  onPress: () => void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={`kiosk-button kiosk-button--${tone}`}
      onClick={onPress}
      data-testid={testId}
    >
      <span className="kiosk-button__title">
        {title}
      </span>
      {hint && (
        <span className="kiosk-button__hint">
          {hint}
        </span>
      )}
      {extra}
    </button>
  );
}
