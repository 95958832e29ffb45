import { cyrillicTicketNumber } from './ticket-number.js';

/**
 * The hall's voice kit: short recorded clips put together into a call, the way QSystem-style
 * offices do it. The names are the file names an office records its own announcer under
 * (`<name>.ogg` or `<name>.wav`, see the README, "The hall's voice"); the shipped kit has every one.
 */
export const VOICE_WORD_CLIPS = ['talon', 'proceed', 'window', 'again'] as const;
/** Latin keys: ticket numbers are stored with Latin prefixes that look like Russian letters. */
export const VOICE_LETTER_CLIPS = ['A', 'B', 'E', 'K', 'M', 'H', 'O', 'P', 'C', 'T', 'X'].map((l) => `letter-${l}`);
export const VOICE_NUMBER_CLIPS = [
  ...Array.from({ length: 20 }, (_, n) => String(n)),
  ...[20, 30, 40, 50, 60, 70, 80, 90].map(String),
  ...[100, 200, 300, 400, 500, 600, 700, 800, 900].map(String),
  // Thousands (A1000 and on): «тысяча», «одна/две тысячи», «пять тысяч».
  '1000', '1f', '2f', 'thousand-few', 'thousand-many',
];
export const VOICE_CLIPS: readonly string[] = [...VOICE_WORD_CLIPS, ...VOICE_LETTER_CLIPS, ...VOICE_NUMBER_CLIPS];

const LATIN_OF_CYRILLIC: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X',
};

function belowThousand(n: number, feminine: boolean): string[] {
  const clips: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) clips.push(String(hundreds * 100));
  if (rest >= 10 && rest < 20) clips.push(String(rest));
  else {
    const tens = Math.floor(rest / 10);
    const units = rest % 10;
    if (tens > 0) clips.push(String(tens * 10));
    if (units > 0) clips.push(feminine && (units === 1 || units === 2) ? `${units}f` : String(units));
  }
  return clips;
}

/** 0..999 999 as clips, in the order Russian says them (`russianNumberWords`, clip by clip). */
export function numberClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return [];
  if (n === 0) return ['0'];
  const thousands = Math.floor(n / 1000);
  const clips: string[] = [];
  if (thousands === 1) clips.push('1000');
  else if (thousands > 0) {
    const lastTwo = thousands % 100;
    const last = thousands % 10;
    const word = lastTwo >= 11 && lastTwo <= 14 ? 'thousand-many' : last === 1 ? '1000' : last >= 2 && last <= 4 ? 'thousand-few' : 'thousand-many';
    // «двадцать одна тысяча»: the "1000" clip says «тысяча», so a 1 before it is the feminine «одна».
    clips.push(...belowThousand(thousands, true), word);
  }
  clips.push(...belowThousand(n % 1000, false));
  return clips;
}

/**
 * A ticket number as clips, read as people read their paper: 'A015' → letter-A, 0, 15;
 * 'B105' → letter-B, 100, 5. Empty when the number is not letters and digits (said by nobody).
 */
export function ticketNumberClips(number: string): string[] {
  const match = /^(\D+)(\d+)$/.exec(cyrillicTicketNumber(number));
  if (!match) return [];
  const [, letters = '', digits = ''] = match;
  const letterClips = [...letters].map((l) => `letter-${LATIN_OF_CYRILLIC[l] ?? l}`);
  if (letterClips.some((clip) => !VOICE_LETTER_CLIPS.includes(clip))) return [];
  const value = Number(digits);
  if (value === 0) return [...letterClips, ...Array<string>(digits.length).fill('0')];
  const zeros = /^0*/.exec(digits)?.[0].length ?? 0;
  return [...letterClips, ...Array<string>(zeros).fill('0'), ...numberClips(value)];
}

export interface CallToSay {
  number: string;
  deskNumber: number;
  recall: boolean;
}

/**
 * The clips of one call. In full: «[Повторно.] Талон А ноль пятнадцать, пройдите к окну три».
 * Short, for a hall that has more calls waiting: «А ноль пятнадцать, окно три» (about half as long).
 */
export function announcementClips(call: CallToSay, form: 'full' | 'short' = 'full'): string[] {
  const number = ticketNumberClips(call.number);
  const desk = numberClips(call.deskNumber);
  if (number.length === 0 || desk.length === 0) return [];
  if (form === 'short') return [...number, 'window', ...desk];
  return [...(call.recall ? ['again'] : []), 'talon', ...number, 'proceed', ...desk];
}
