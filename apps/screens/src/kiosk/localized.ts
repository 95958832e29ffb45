import type { Language } from '@talon/messages';

/** Config names come in Russian with an optional English twin; a missing one falls back to Russian. */
export function localName(item: { name: string; nameEn?: string }, language: Language): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}

export function localHint(item: { hint?: string; hintEn?: string }, language: Language): string | undefined {
  return language === 'en' && item.hintEn ? item.hintEn : item.hint;
}

export function localDocument(item: { document: string; documentEn?: string }, language: Language): string {
  return language === 'en' && item.documentEn ? item.documentEn : item.document;
}
