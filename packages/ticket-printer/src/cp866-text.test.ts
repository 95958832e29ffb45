import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isCp866Encodable, toCp866Printable } from './cp866-text.js';

describe('toCp866Printable', () => {
  it.each([
    ['plain Russian stays', 'Оплата счетов', 'Оплата счетов'],
    ['ё, Ё and № are in CP866', 'Ёлка ё №5', 'Ёлка ё №5'],
    ['guillemets become straight quotes', 'ЦОК «Энергосбыт»', 'ЦОК "Энергосбыт"'],
    ['dashes become hyphens', 'Пн–Пт — 9:00−18:00', 'Пн-Пт - 9:00-18:00'],
    ['ellipsis becomes three dots', 'Ждите…', 'Ждите...'],
    ['the rouble sign is spelt out', '100 ₽', '100 руб.'],
    ['no-break and thin spaces become spaces', '8\u00a0800\u2009000', '8 800 000'],
    ['control bytes cannot reach the printer as commands', 'a\x1b@b\x1dV\x00c', 'a @b V c'],
    ['newlines and tabs become single spaces', 'a\n\tb\r\nc', 'a b c'],
    ['a decomposed й is composed first', 'и\u0306', 'й'],
    ['what CP866 lacks becomes ?', 'Zürich 😀 ∑', 'Z?rich ? ?'],
    ['surrounding spaces go', '  x  ', 'x'],
  ])('%s', (_name, input, expected) => {
    expect(toCp866Printable(input)).toBe(expected);
  });

  it('leaves only characters whose CP866 bytes decode back to themselves', () => {
    const sample = toCp866Printable('Ärger «quote» ½ ₽ € — 𝔘 ЁЖЗ №°');
    expect(iconv.decode(iconv.encode(sample, 'cp866'), 'cp866')).toBe(sample);
  });
});

describe('isCp866Encodable', () => {
  it.each([
    ['Ж', true],
    ['?', true],
    ['°', true],
    ['«', false],
    ['😀', false],
  ])('%s → %s', (char, expected) => {
    expect(isCp866Encodable(char)).toBe(expected);
  });
});
