import type { Language } from './language.js';

/**
 * The one place a name from the office config is read in a language. Config texts are written
 * in Russian with an optional English twin (`name`/`nameEn`, `address`/`addressEn`, ...); an
 * English view shows the twin where there is one and the Russian text where there is none, so a
 * half-translated config still names everything. Russian views always show the Russian text.
 */
export function inLanguage(russian: string, english: string | undefined, language: Language): string {
  return language === 'en' && english ? english : russian;
}

/** A service, desk, outcome, office, group or category: `{name, nameEn?}`. */
export function nameIn(item: { name: string; nameEn?: string | undefined }, language: Language): string {
  return inLanguage(item.name, item.nameEn, language);
}

export function addressIn(item: { address?: string | undefined; addressEn?: string | undefined }, language: Language): string | undefined {
  return item.address === undefined ? undefined : inLanguage(item.address, item.addressEn, language);
}

export function hintIn(item: { hint?: string | undefined; hintEn?: string | undefined }, language: Language): string | undefined {
  return item.hint === undefined ? undefined : inLanguage(item.hint, item.hintEn, language);
}

export function documentIn(item: { document: string; documentEn?: string | undefined }, language: Language): string {
  return inLanguage(item.document, item.documentEn, language);
}
