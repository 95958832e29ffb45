import type { TicketPrefix } from './office-setup.js';

const CYRILLIC_LOOK_ALIKES: Record<string, string> = {
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х',
};

/**
 * How a letter is said aloud. A lone "В", "К" or "С" is read by a speech engine as the Russian
 * preposition ("в", "к", "с"), so consonants are written as their letter names.
 */
const LETTER_NAMES: Record<string, string> = {
  А: 'А', В: 'Вэ', Е: 'Е', К: 'Ка', М: 'Эм', Н: 'Эн', О: 'О', Р: 'Эр', С: 'Эс', Т: 'Тэ', Х: 'Ха',
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

const UNITS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const UNITS_FEMININE = ['ноль', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = [
  'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать',
  'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать',
];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** 1..999 in words; feminine "одна", "две" before "тысяча". */
function belowThousand(n: number, feminine: boolean): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(HUNDREDS[hundreds] ?? '');
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10] ?? '');
  else {
    const tens = Math.floor(rest / 10);
    const units = rest % 10;
    if (tens > 0) words.push(TENS[tens] ?? '');
    if (units > 0) words.push((feminine ? UNITS_FEMININE : UNITS)[units] ?? '');
  }
  return words;
}

function thousandsWord(n: number): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 'тысяч';
  if (last === 1) return 'тысяча';
  if (last >= 2 && last <= 4) return 'тысячи';
  return 'тысяч';
}

/** 0..999 999 in Russian words, as a number is named: 15 → "пятнадцать", 1000 → "тысяча". */
export function russianNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n === 0) return UNITS[0] ?? 'ноль';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands === 1) words.push('тысяча');
  else if (thousands > 0) words.push(...belowThousand(thousands, true), thousandsWord(thousands));
  if (rest > 0) words.push(...belowThousand(rest, false));
  return words.join(' ');
}

/**
 * What a speech engine reads, in words, so no engine has to guess: the letter's name, each
 * leading zero as "ноль", then the number, the way people read their paper aloud:
 * 'A015' → 'А ноль пятнадцать', 'B105' → 'Вэ сто пять', 'K007' → 'Ка ноль ноль семь',
 * 'A1000' → 'А тысяча'. Anything that is not a letter and digits is returned as it is.
 */
export function spokenTicketNumber(number: string): string {
  const match = /^(\D+)(\d+)$/.exec(cyrillicTicketNumber(number));
  if (!match) return number;
  const [, letters = '', digits = ''] = match;
  const letterWords = [...letters].map((l) => LETTER_NAMES[l] ?? l).join(' ');
  const zeros = /^0*/.exec(digits)?.[0].length ?? 0;
  const value = Number(digits);
  if (value === 0) return [letterWords, ...Array<string>(digits.length).fill('ноль')].join(' ');
  return [letterWords, ...Array<string>(zeros).fill('ноль'), russianNumberWords(value)].join(' ');
}
