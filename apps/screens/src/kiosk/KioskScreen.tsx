import { useLanguage } from '../shared/language.js';

/** Placeholder until the kiosk screen is built. */
export function KioskScreen() {
  const { t } = useLanguage();
  return <main><h1>{t('app.name')}</h1></main>;
}
