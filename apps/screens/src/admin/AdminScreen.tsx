import { useLanguage } from '../shared/language.js';

/** Placeholder until the admin screen is built. */
export function AdminScreen() {
  const { t } = useLanguage();
  return <main><h1>{t('app.name')}</h1></main>;
}
