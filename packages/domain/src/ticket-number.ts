import type { TicketPrefix } from './office-setup.js';

const CYRILLIC_LOOK_ALIKES: Record<string, string> = {
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х',
};

/** A001..A999, then A1000: three digits read well on a board and fit LED desk displays. */
export function formatTicketNumber(prefix: TicketPrefix, sequence: number): string {
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/** The same number with its Cyrillic letter, for Russian screens and paper: 'A015' → 'А015'. */
export function cyrillicTicketNumber(number: string): string {
  const letter = number.charAt(0);
  return (CYRILLIC_LOOK_ALIKES[letter] ?? letter) + number.slice(1);
}

/**
 * What a speech engine reads: the letter, then each digit, 'A015' → 'А 0 1 5'. Digit by digit is
 * how visitors read their paper, and a synthesiser cannot mistake "015" for "fifteen".
 */
export function spokenTicketNumber(number: string): string {
  const cyrillic = cyrillicTicketNumber(number);
  return [cyrillic.charAt(0), ...cyrillic.slice(1).split('')].join(' ');
}
