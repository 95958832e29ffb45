import type { OperatorState } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { minutesBetween } from '../shared/office-time.js';
import { serviceNamer } from './service-names.js';

/** Shown at most; the counts above already tell how long the queue is. */
const WAITING_ROWS = 30;

interface QueuePanelProps {
  state: OperatorState;
  now: number;
  canCall: boolean;
  canTakeBack: boolean;
  onCall: (ticketId: string) => void;
  onTakeBack: (ticketId: string) => void;
}

export function QueuePanel({ state, now, canCall, canTakeBack, onCall, onTakeBack }: QueuePanelProps) {
  const { t, language } = useLanguage();
  const nameOf = serviceNamer(state.services, language);
  return (
    <aside className="op-queue" aria-label={t('operator.queueHeading')}>
      <section aria-labelledby="op-counts-title">
        <h2 id="op-counts-title">{t('operator.queueHeading')}</h2>
        <table className="op-table" data-testid="queue-counts">
          <thead>
            <tr>
              <th scope="col">{t('operator.queueService')}</th>
              <th scope="col" className="op-num">
                {t('operator.queueWaiting')}
              </th>
              <th scope="col" className="op-num">
                {t('operator.queueLongest')}
              </th>
            </tr>
          </thead>
          <tbody>
            {state.queue.map((row) => {
              const late = row.waiting > 0 && row.longestWaitMin > state.waitingStandardMinutes;
              return (
                <tr key={row.serviceId} data-service={row.serviceId}>
                  <th scope="row">
                    <span className="op-prefix">{row.prefix}</span> {nameOf(row.serviceId, row.serviceName)}
                  </th>
                  <td className="op-num" data-testid={`waiting-${row.serviceId}`}>
                    {row.waiting}
                  </td>
                  <td className={late ? 'op-num op-late' : 'op-num'}>
                    {row.waiting > 0 ? row.longestWaitMin : '—'}
                    {late && <span className="visually-hidden"> {t('operator.queueOverStandard', { minutes: state.waitingStandardMinutes })}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="op-waiting-title">
        <h2 id="op-waiting-title">{t('operator.waitingHeading')}</h2>
        {state.waiting.length === 0 ? (
          <p className="op-muted">{t('operator.queueEmpty')}</p>
        ) : (
          <table className="op-table op-waiting">
            <thead>
              <tr>
                <th scope="col">{t('operator.waitingTicket')}</th>
                <th scope="col">{t('operator.queueService')}</th>
                <th scope="col" className="op-num">
                  {t('operator.waitingSince')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('operator.actionsHeading')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.waiting.slice(0, WAITING_ROWS).map((ticket) => (
                <tr key={ticket.id}>
                  <th scope="row">
                    {ticket.number}
                    {ticket.kind !== 'walk-in' && <span className={`op-kind op-kind--${ticket.kind}`}> {t(`operator.kind.${ticket.kind}`)}</span>}
                    {ticket.remote && <RemoteMark remote={ticket.remote} />}
                  </th>
                  <td>{nameOf(ticket.serviceId, ticket.serviceName)}</td>
                  <td className="op-num">{minutesBetween(ticket.queuedAt, now)}</td>
                  <td>
                    <button type="button" className="op-small" disabled={!canCall || (ticket.remote !== undefined && !ticket.remote.arrived)} onClick={() => onCall(ticket.id)}>
                      {t('operator.callThis', { number: ticket.number })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {state.postponed.length > 0 && (
        <section aria-labelledby="op-postponed-title">
          <h2 id="op-postponed-title">{t('operator.postponedHeading')}</h2>
          <ul className="op-postponed">
            {state.postponed.map((ticket) => (
              <li key={ticket.id}>
                <span>
                  {ticket.number} · {nameOf(ticket.serviceId, ticket.serviceName)}
                </span>
                <button type="button" className="op-small" disabled={!canTakeBack} onClick={() => onTakeBack(ticket.id)}>
                  {t('operator.takeBack', { number: ticket.number })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

/** A place taken from home: marked, and whether its visitor is here yet (an absent one is never called). */
function RemoteMark({ remote }: { remote: { arrived: boolean; skipped: boolean } }) {
  const { t } = useLanguage();
  const key = remote.arrived ? 'remote.mark' : remote.skipped ? 'remote.mark.skipped' : 'remote.mark.away';
  return (
    <span className="op-kind op-kind--remote" data-testid="remote-mark" data-arrived={remote.arrived}>
      {' '}
      {t(key)}
    </span>
  );
}
