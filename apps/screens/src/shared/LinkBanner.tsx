import type { LinkState, Refusal } from './connection.js';
import { useLanguage } from './language.js';
import { refusalText } from './refusal-text.js';

/** Says plainly when the screen is not live; nothing at all when it is. */
export function LinkBanner({ link, refusal }: { link: LinkState; refusal: Refusal | null }) {
  const { t } = useLanguage();
  if (link === 'online') return null;
  const text =
    link === 'refused' ? t('link.refused', { message: refusal ? refusalText(t, refusal) : '' }) : link === 'offline' ? t('link.offline') : t('link.connecting');
  return (
    <div role="status" className={`link-banner link-banner--${link}`} data-testid="link-banner" data-link={link}>
      {text}
    </div>
  );
}
