import type { OfficeView } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { formatDate, formatTime } from '../shared/office-time.js';

/** Full-screen states in which no ticket can be had: the kiosk says so rather than fail silently. */
export function StatusPage({ kind, title, lead }: { kind: string; title: string; lead?: string }) {
  return (
    <div className="kiosk-status" data-testid="kiosk-status" data-status={kind} role="status">
      <h2 className="kiosk-status__title">{title}</h2>
      {lead && <p className="kiosk-status__lead">{lead}</p>}
    </div>
  );
}

export function ClosedPage({ office }: { office: OfficeView }) {
  const { t, language } = useLanguage();
  const opensAt = office.issuing.opensAt;
  let when: string | undefined;
  if (opensAt !== undefined) {
    const time = formatTime(opensAt, office.timeZone);
    const sameDay = formatDate(opensAt, office.timeZone, language) === formatDate(office.serverTime, office.timeZone, language);
    when = sameDay ? t('kiosk.opensToday', { time }) : t('kiosk.opensOn', { time, date: formatDate(opensAt, office.timeZone, language) });
  }
  return <StatusPage kind="closed" title={t('kiosk.closedTitle')} lead={[t('kiosk.closedLead'), when].filter(Boolean).join(' ')} />;
}
