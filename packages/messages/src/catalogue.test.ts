import { describe, expect, it } from 'vitest';
import { en, ru, t } from './index.js';

describe('message catalogue', () => {
  it('has an English text for every Russian key, and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it('fills named parameters and leaves unknown ones visible', () => {
    expect(t('ru', 'track.peopleAhead', { count: 3 })).toBe('Перед вами: 3');
    expect(t('en', 'track.called', { desk: 4 })).toBe('You are called: desk 4');
    expect(t('en', 'track.estimate')).toBe('Estimated wait: {minutes} min');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ru[key]));
    }
  });
});
