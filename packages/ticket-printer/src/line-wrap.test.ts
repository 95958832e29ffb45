import { describe, expect, it } from 'vitest';
import { wrapToColumns } from './line-wrap.js';

describe('wrapToColumns', () => {
  it.each<[string, string, number, string[]]>([
    ['short text is one line', 'Талон', 32, ['Талон']],
    ['breaks at the last space that fits', 'Оплата счетов за электроэнергию', 16, ['Оплата счетов за', 'электроэнергию']],
    ['a word exactly the width stays whole', 'abcd efgh', 4, ['abcd', 'efgh']],
    ['a word longer than the line is cut', 'электроэнергию', 6, ['электр', 'оэнерг', 'ию']],
    ['a long word after a short one starts its own line', 'на электроэнергию', 6, ['на', 'электр', 'оэнерг', 'ию']],
    ['runs of spaces collapse', 'a   b', 10, ['a b']],
    ['empty text is no lines', '', 10, []],
  ])('%s', (_name, text, columns, expected) => {
    expect(wrapToColumns(text, columns)).toEqual(expected);
  });

  it('never returns a line longer than the width, and loses no character', () => {
    const text = 'Центр обслуживания клиентов АО «Энергосбыт», город Екатеринбург, улица Малышева, дом 51, подъезд 2';
    for (const columns of [8, 16, 24, 32, 48]) {
      for (const line of wrapToColumns(text, columns)) expect(line.length).toBeLessThanOrEqual(columns);
      expect(wrapToColumns(text, columns).join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
    }
  });

  it('refuses a width that is not a positive whole number', () => {
    expect(() => wrapToColumns('x', 0)).toThrow(RangeError);
    expect(() => wrapToColumns('x', 1.5)).toThrow(RangeError);
  });
});
