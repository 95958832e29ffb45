import { documentIn, nameIn } from '@talon/messages';
import type { OperatorState, TicketView } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { formatTime } from '../shared/office-time.js';
import { serviceNamer } from './service-names.js';
import { formatDuration, serviceTime, waitedMs } from './visitor-clock.js';

interface CurrentVisitorProps {
  state: OperatorState;
  ticket: TicketView | undefined;
  now: number;
  canConfirmCategory: boolean;
  onConfirmCategory: (documentSeen: boolean) => void;
}

/** Everything the operator needs about the visitor in front of them, and nothing else. */
export function CurrentVisitor({ state, ticket, now, canConfirmCategory, onConfirmCategory }: CurrentVisitorProps) {
  const { t, language } = useLanguage();
  if (!ticket) {
    return (
      <section className="op-visitor op-visitor--empty" aria-labelledby="op-visitor-title">
        <h2 id="op-visitor-title">{t('operator.currentHeading')}</h2>
        <p>{t(state.desk?.status === 'paused' ? 'operator.noVisitorPaused' : 'operator.noVisitor')}</p>
      </section>
    );
  }
  const nameOf = serviceNamer(state.services, language);
  const category = ticket.categoryId ? state.categories.find((c) => c.id === ticket.categoryId) : undefined;
  const categoryName = category ? nameIn(category, language) : ticket.categoryName;
  const documentName = category ? documentIn(category, language) : ticket.categoryDocument;
  const inService = serviceTime(ticket, now);
  return (
    <section className={`op-visitor op-visitor--${ticket.status}`} aria-labelledby="op-visitor-title">
      <h2 id="op-visitor-title">{t('operator.currentHeading')}</h2>
      <div className="op-visitor__head">
        <span className="op-ticket" data-testid="current-ticket">
          {ticket.number}
        </span>
        <span className="op-badge" data-testid="current-status">
          {t(`operator.ticketStatus.${ticket.status}`)}
        </span>
        <span className={`op-kind op-kind--${ticket.kind}`}>{t(`operator.kind.${ticket.kind}`)}</span>
      </div>
      <dl className="op-facts">
        <dt>{t('operator.field.service')}</dt>
        <dd>{nameOf(ticket.serviceId, ticket.serviceName)}</dd>
        {ticket.kind === 'priority' && categoryName && (
          <>
            <dt>{t('operator.field.category')}</dt>
            <dd>
              {categoryName}
              {ticket.categoryCheck && <span className="op-muted"> — {t(`operator.field.categoryCheck.${ticket.categoryCheck}`)}</span>}
            </dd>
            {documentName && (
              <>
                <dt>{t('operator.field.document')}</dt>
                <dd className={ticket.categoryCheck === 'pending' ? 'op-attention' : undefined}>{documentName}</dd>
              </>
            )}
          </>
        )}
        {ticket.kind === 'booking' && (
          <>
            <dt>{t('operator.field.booking')}</dt>
            <dd>
              {ticket.bookingSlotStart !== undefined ? t('operator.field.bookingAt', { time: formatTime(ticket.bookingSlotStart, state.timeZone) }) : '—'}
            </dd>
          </>
        )}
        {ticket.accountNumber && (
          <>
            <dt>{t('operator.field.account')}</dt>
            <dd className="op-mono" data-testid="current-account">
              {ticket.accountNumber}
            </dd>
          </>
        )}
        {ticket.transferComment && (
          <>
            <dt>{t('operator.field.transferComment')}</dt>
            <dd className="op-comment" data-testid="current-transfer-comment">
              {ticket.transferComment}
            </dd>
          </>
        )}
        <dt>{t('operator.field.waited')}</dt>
        <dd className="op-mono">{formatDuration(waitedMs(ticket, now))}</dd>
        {ticket.status === 'called' && ticket.calledAt !== undefined && (
          // How long the desk has waited for the visitor to come up: when to recall, when to give up.
          <>
            <dt>{t('operator.field.sinceCall')}</dt>
            <dd className="op-mono" data-testid="call-time">
              {formatDuration(now - ticket.calledAt)}
            </dd>
          </>
        )}
        {inService && (
          <>
            <dt>{t('operator.field.inService')}</dt>
            <dd className={inService.overNorm ? 'op-mono op-over-norm' : 'op-mono'} data-testid="service-time">
              {formatDuration(inService.ms)}
              {inService.overNorm && <span> — {t('operator.overNorm', { minutes: ticket.normMinutes })}</span>}
            </dd>
          </>
        )}
        {ticket.recalls > 0 && (
          <>
            <dt>{t('operator.field.recalls')}</dt>
            <dd>{ticket.recalls}</dd>
          </>
        )}
      </dl>
      {canConfirmCategory && (
        <div className="op-row">
          <button type="button" className="op-action op-action--primary op-fit" onClick={() => onConfirmCategory(true)}>
            {t('operator.documentSeen')}
          </button>
          <button type="button" className="op-action op-action--warn op-fit" onClick={() => onConfirmCategory(false)}>
            {t('operator.documentMissing')}
          </button>
        </div>
      )}
    </section>
  );
}
