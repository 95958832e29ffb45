import { en, ru, type MessageKey } from './catalogue.js';
import type { Language } from './language.js';

export { en, ru, type MessageKey } from './catalogue.js';

export { LANGUAGES, type Language } from './language.js';
export { addressIn, documentIn, hintIn, inLanguage, nameIn } from './config-names.js';

const catalogues: Record<Language, Record<MessageKey, string>> = { ru, en };

/** `t('ru', 'track.peopleAhead', { count: 3 })` → «Перед вами: 3». */
export function t(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogues[language][key] ?? ru[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
