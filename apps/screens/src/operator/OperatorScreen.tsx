import { useLanguage } from '../shared/language.js';

/** Placeholder until the operator screen is built. */
export function OperatorScreen() {
  const { t } = useLanguage();
  return <main><h1>{t('app.name')}</h1></main>;
}
