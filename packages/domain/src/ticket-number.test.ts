import { describe, expect, it } from 'vitest';
import { TICKET_PREFIXES } from './office-setup.js';
import { cyrillicTicketNumber, formatTicketNumber, russianNumberWords, spokenTicketNumber } from './ticket-number.js';

describe('ticket numbers', () => {
  it.each<[Parameters<typeof formatTicketNumber>[0], number, string]>([
    ['A', 1, 'A001'],
    ['A', 15, 'A015'],
    ['K', 999, 'K999'],
    ['X', 1000, 'X1000'],
    ['C', 12345, 'C12345'],
  ])('%s + %i → %s', (prefix, n, expected) => {
    expect(formatTicketNumber(prefix, n)).toBe(expected);
  });

  it('writes every Latin prefix with its Cyrillic look-alike', () => {
    const cyrillic = TICKET_PREFIXES.map((p) => cyrillicTicketNumber(`${p}015`));
    expect(cyrillic).toEqual(['А015', 'В015', 'Е015', 'К015', 'М015', 'Н015', 'О015', 'Р015', 'С015', 'Т015', 'Х015']);
    for (const n of cyrillic) expect(n.charCodeAt(0)).toBeGreaterThanOrEqual(0x0410);
    expect(cyrillic.map((n) => n.slice(1))).toEqual(Array(11).fill('015'));
  });

  it('leaves anything else as it is', () => {
    expect(cyrillicTicketNumber('Z015')).toBe('Z015');
    expect(cyrillicTicketNumber('')).toBe('');
  });
});

describe('spoken ticket numbers: letter name, leading zeros as «ноль», then the number in words', () => {
  it.each([
    ['A015', 'А ноль пятнадцать'],
    ['A001', 'А ноль ноль один'],
    ['B105', 'Вэ сто пять'],
    ['K007', 'Ка ноль ноль семь'],
    ['M010', 'Эм ноль десять'],
    ['H100', 'Эн сто'],
    ['E020', 'Е ноль двадцать'],
    ['O011', 'О ноль одиннадцать'],
    ['P999', 'Эр девятьсот девяносто девять'],
    ['C342', 'Эс триста сорок два'],
    ['T040', 'Тэ ноль сорок'],
    ['X000', 'Ха ноль ноль ноль'],
    ['A1000', 'А тысяча'],
    ['A1001', 'А тысяча один'],
    ['A2015', 'А две тысячи пятнадцать'],
  ])('%s → «%s»', (number, spoken) => {
    expect(spokenTicketNumber(number)).toBe(spoken);
  });

  it('reads the Cyrillic form the same way', () => {
    expect(spokenTicketNumber('А015')).toBe('А ноль пятнадцать');
  });

  it('returns what it cannot read unchanged', () => {
    expect(spokenTicketNumber('015')).toBe('015');
    expect(spokenTicketNumber('ABC')).toBe('ABC');
  });
});

describe('russianNumberWords (also for desk numbers: «окно три»)', () => {
  it.each([
    [0, 'ноль'],
    [3, 'три'],
    [12, 'двенадцать'],
    [21, 'двадцать один'],
    [40, 'сорок'],
    [99, 'девяносто девять'],
    [200, 'двести'],
    [1000, 'тысяча'],
    [1100, 'тысяча сто'],
    [2000, 'две тысячи'],
    [5000, 'пять тысяч'],
    [11_000, 'одиннадцать тысяч'],
    [21_000, 'двадцать одна тысяча'],
    [22_500, 'двадцать две тысячи пятьсот'],
    [999_999, 'девятьсот девяносто девять тысяч девятьсот девяносто девять'],
  ])('%i → «%s»', (n, words) => {
    expect(russianNumberWords(n)).toBe(words);
  });

  it('gives digits for what it does not name', () => {
    expect(russianNumberWords(-1)).toBe('-1');
    expect(russianNumberWords(1.5)).toBe('1.5');
    expect(russianNumberWords(1_000_000)).toBe('1000000');
  });
});
