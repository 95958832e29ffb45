import { useState } from 'react';
import { useLanguage } from '../shared/language.js';
import { eraseDigit, groupedDigits, typeDigit, type KeypadKind } from './keypad-entry.js';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * A keypad on the glass, since a kiosk has no keyboard: ten digits, erase, and one button that
 * sends the value once it is complete. The typed value is read out as it grows.
 */
export function DigitKeypad({
  kind,
  label,
  emptyText,
  submitText,
  onSubmit,
  testId,
}: {
  kind: KeypadKind;
  label: string;
  emptyText: string;
  submitText: string;
  onSubmit: (value: string) => void;
  testId: string;
}) {
  const { t } = useLanguage();
  const [value, setValue] = useState('');
  const press = (digit: string) => setValue((current) => typeDigit(current, digit, kind));
  return (
    <div className="kiosk-keypad">
      <output className={`kiosk-keypad__value${value ? '' : ' kiosk-keypad__value--empty'}`} aria-live="polite" aria-label={label} data-testid={testId} data-value={value}>
        {value ? groupedDigits(value) : emptyText}
      </output>
      <div className="kiosk-keypad__keys">
        {DIGITS.map((digit) => (
          <KeyButton key={digit} digit={digit} onPress={press} />
        ))}
        <button type="button" className="kiosk-key kiosk-key--erase" aria-label={t('kiosk.erase')} onClick={() => setValue(eraseDigit)} disabled={!value}>
          ⌫
        </button>
        <KeyButton digit="0" onPress={press} />
        <button type="button" className="kiosk-key kiosk-key--submit" onClick={() => onSubmit(value)} disabled={!kind.ready(value)}>
          {submitText}
        </button>
      </div>
    </div>
  );
}

function KeyButton({ digit, onPress }: { digit: string; onPress: (digit: string) => void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="kiosk-key" aria-label={t('kiosk.digit', { digit })} onClick={() => onPress(digit)}>
      {digit}
    </button>
  );
}
