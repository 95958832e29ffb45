import { t, type Language, type MessageKey } from '@talon/messages';
import { createContext, useContext } from 'react';

/**
 * The booking page's language: Russian unless the address says `?lang=en` or the visitor
 * switched. Each part of the page takes its words from here, so a part added later speaks the
 * page's language by calling `useSay()`.
 */
export const BookingLanguage = createContext<Language>('ru');

export type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useSay(): Say {
  const language = useContext(BookingLanguage);
  return (key, params) => t(language, key, params);
}

export function useBookingLanguage(): Language {
  return useContext(BookingLanguage);
}

export function languageFromAddress(search: string): Language {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'ru';
}

/** Keeps the choice in the address (a reload or a shared link keeps it) and in `<html lang>` for screen readers. */
export function showLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = t(language, 'booking.pageTitle');
  const url = new URL(window.location.href);
  if (language === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  window.history.replaceState(null, '', url);
}

/** Dates and times as the visitor reads them. */
export function dateLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'ru-RU';
}
