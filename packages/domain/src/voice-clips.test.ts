import { describe, expect, it } from 'vitest';
import { russianNumberWords } from './ticket-number.js';
import { announcementClips, numberClips, ticketNumberClips, VOICE_CLIPS } from './voice-clips.js';

/** What each number clip says in the shipped Russian kit (scripts/make-voice-kit.sh). */
const RU: Record<string, string> = {
  '0': 'ноль', '1': 'один', '2': 'два', '3': 'три', '4': 'четыре', '5': 'пять', '6': 'шесть', '7': 'семь', '8': 'восемь', '9': 'девять',
  '10': 'десять', '11': 'одиннадцать', '12': 'двенадцать', '13': 'тринадцать', '14': 'четырнадцать', '15': 'пятнадцать',
  '16': 'шестнадцать', '17': 'семнадцать', '18': 'восемнадцать', '19': 'девятнадцать',
  '20': 'двадцать', '30': 'тридцать', '40': 'сорок', '50': 'пятьдесят', '60': 'шестьдесят', '70': 'семьдесят', '80': 'восемьдесят', '90': 'девяносто',
  '100': 'сто', '200': 'двести', '300': 'триста', '400': 'четыреста', '500': 'пятьсот', '600': 'шестьсот', '700': 'семьсот', '800': 'восемьсот', '900': 'девятьсот',
  '1000': 'тысяча', '1f': 'одна', '2f': 'две', 'thousand-few': 'тысячи', 'thousand-many': 'тысяч',
};

describe('voice clips', () => {
  it('say every number as the words do, up to a million', () => {
    for (let n = 0; n <= 999_999; n += n < 3000 ? 1 : 997) {
      expect(numberClips(n).map((clip) => RU[clip]).join(' ')).toBe(russianNumberWords(n));
    }
  });

  it('read a ticket as its paper: letter, leading zeros, number', () => {
    expect(ticketNumberClips('A015')).toEqual(['letter-A', '0', '15']);
    expect(ticketNumberClips('B105')).toEqual(['letter-B', '100', '5']);
    expect(ticketNumberClips('K000')).toEqual(['letter-K', '0', '0', '0']);
    expect(ticketNumberClips('Х021')).toEqual(['letter-X', '0', '20', '1']);
    expect(ticketNumberClips('A1000')).toEqual(['letter-A', '1000']);
    expect(ticketNumberClips('Z001')).toEqual([]);
    expect(ticketNumberClips('015')).toEqual([]);
  });

  it('make a full call, a recall and a short call only from clips the kit has', () => {
    expect(announcementClips({ number: 'A015', deskNumber: 3, recall: false })).toEqual(['talon', 'letter-A', '0', '15', 'proceed', '3']);
    expect(announcementClips({ number: 'A015', deskNumber: 12, recall: true })).toEqual(['again', 'talon', 'letter-A', '0', '15', 'proceed', '12']);
    expect(announcementClips({ number: 'A015', deskNumber: 3, recall: false }, 'short')).toEqual(['letter-A', '0', '15', 'window', '3']);
    for (const number of ['A001', 'X999', 'T1234', 'M21000']) {
      for (const clip of announcementClips({ number, deskNumber: 999, recall: true })) expect(VOICE_CLIPS).toContain(clip);
    }
  });
});
