import { accountNumberField, BOOKING_CODE_DIGITS, bookingCodeField } from '@talon/protocol';

/** What a keypad collects, and when it is complete; the rules are the server's own schemas. */
export interface KeypadKind {
  maxLength: number;
  ready: (value: string) => boolean;
}

export const ACCOUNT_NUMBER: KeypadKind = {
  maxLength: 24,
  ready: (value) => accountNumberField.safeParse(value).success,
};

/** Codes have 12 digits wherever they were booked (6 and 8 for those handed out before). */
export const BOOKING_CODE: KeypadKind = {
  maxLength: BOOKING_CODE_DIGITS,
  ready: (value) => bookingCodeField.safeParse(value).success,
};

/** A digit past the limit is ignored, not an error: a visitor pressing twice should not see a warning. */
export function typeDigit(value: string, digit: string, kind: KeypadKind): string {
  if (!/^[0-9]$/.test(digit) || value.length >= kind.maxLength) return value;
  return value + digit;
}

export function eraseDigit(value: string): string {
  return value.slice(0, -1);
}

/** Long numbers are read back in groups of three or four, the way people check them against a bill. */
export function groupedDigits(value: string): string {
  const size = value.length > 12 ? 4 : 3;
  const groups: string[] = [];
  for (let i = 0; i < value.length; i += size) groups.push(value.slice(i, i + size));
  return groups.join(' ');
}
