import { useLanguage } from '../shared/language.js';

/** Placeholder until the dashboard screen is built. */
export function DashboardScreen() {
  const { t } = useLanguage();
  return <main><h1>{t('app.name')}</h1></main>;
}
