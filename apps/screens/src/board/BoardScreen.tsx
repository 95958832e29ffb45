import { useLanguage } from '../shared/language.js';

/** Placeholder until the board screen is built. */
export function BoardScreen() {
  const { t } = useLanguage();
  return <main><h1>{t('app.name')}</h1></main>;
}
