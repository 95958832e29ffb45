import { useEffect, useState } from 'react';
import { dayText, isoDayOf } from './day-text.js';

interface DayInputProps {
  id?: string;
  /** "YYYY-MM-DD". */
  value: string;
  onChange: (isoDay: string) => void;
  /** Shown when the text is not a date yet, e.g. «ДД.ММ.ГГГГ». */
  placeholder: string;
  invalidText: string;
  /** A problem named elsewhere (the server's, shown next to the field) also marks the input invalid. */
  problem?: boolean;
  describedBy?: string;
  /** Emptying the field is an answer too (`onChange('')`): a config form's date then shows as missing, not as the old date kept behind an empty field. */
  emptyIsAnswer?: boolean;
}

/**
 * A date typed as «05.12.2026», the one format every Talon screen shows. The native date input is
 * not used: its format follows the browser's UI language, not the screen's.
 */
export function DayInput({ id, value, onChange, placeholder, invalidText, problem = false, describedBy, emptyIsAnswer = false }: DayInputProps) {
  const [text, setText] = useState(dayText(value));
  useEffect(() => setText((current) => (isoDayOf(current) === value ? current : dayText(value))), [value]);
  const invalid = text.trim() !== '' && isoDayOf(text) === null;
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="day-input"
        size={10}
        maxLength={10}
        placeholder={placeholder}
        value={text}
        aria-invalid={invalid || problem}
        aria-describedby={describedBy}
        title={invalid ? invalidText : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const iso = isoDayOf(e.target.value);
          if (iso) onChange(iso);
          else if (emptyIsAnswer && e.target.value.trim() === '') onChange('');
        }}
      />
    </>
  );
}
