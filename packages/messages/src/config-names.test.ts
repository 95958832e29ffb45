import { describe, expect, it } from 'vitest';
import { addressIn, documentIn, hintIn, nameIn } from './index.js';

describe('config names in a language', () => {
  const desk = { name: 'Окно 3', nameEn: 'Desk 3' };
  const untranslated = { name: 'Касса' };

  it.each([
    ['ru', desk, 'Окно 3'],
    ['en', desk, 'Desk 3'],
    ['en', untranslated, 'Касса'],
    ['ru', untranslated, 'Касса'],
    // An empty English twin (a cleared admin field) is no translation.
    ['en', { name: 'Касса', nameEn: '' }, 'Касса'],
  ] as const)('%s view of %j says %s', (language, item, expected) => {
    expect(nameIn(item, language)).toBe(expected);
  });

  it('reads addresses, hints and documents the same way, keeping a missing one missing', () => {
    const office = { address: 'ул. Ленина, 1', addressEn: '1 Lenin St' };
    expect(addressIn(office, 'en')).toBe('1 Lenin St');
    expect(addressIn(office, 'ru')).toBe('ул. Ленина, 1');
    expect(addressIn({ addressEn: '1 Lenin St' }, 'en')).toBeUndefined();
    expect(hintIn({ hint: 'счета', hintEn: 'bills' }, 'en')).toBe('bills');
    expect(hintIn({}, 'en')).toBeUndefined();
    expect(documentIn({ document: 'Удостоверение', documentEn: 'Certificate' }, 'en')).toBe('Certificate');
    expect(documentIn({ document: 'Удостоверение' }, 'en')).toBe('Удостоверение');
  });
});
