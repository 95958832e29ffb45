import { t as translate, type Language, type MessageKey } from '@talon/messages';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

/** Russian unless the screen's address says `?lang=en`; the switch changes it for this page only. */
export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? languageFromAddress());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<LanguageContextValue>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

function languageFromAddress(): Language {
  const lang = new URLSearchParams(window.location.search).get('lang');
  const language: Language = lang === 'en' ? 'en' : 'ru';
  document.documentElement.lang = language;
  return language;
}
