import type { FollowUp } from '@talon/domain';
import { useState } from 'react';
import { dayText } from '../../shared/day-text.js';
import { useLanguage } from '../../shared/language.js';
import { formatMinutes } from '../figures.js';
import type { QualityNames } from './quality-names.js';

interface Props {
  followUps: readonly FollowUp[];
  names: QualityNames;
  /** Only the head ticks call-backs off; an admin sees the list. */
  canMark: boolean;
  onMark: (ticketId: string, note: string) => Promise<string | null>;
}

/** Every rating of 1–2 in the period, for the head to call back; marked done with a note. */
export function FollowUpList({ followUps, names, canMark, onMark }: Props) {
  const { t, language } = useLanguage();
  return (
    <section className="dash-panel quality-wide" aria-labelledby="quality-follow-ups">
      <h2 id="quality-follow-ups">
        {t('quality.followUps')} ({followUps.filter((f) => !f.done).length})
      </h2>
      {followUps.length === 0 ? (
        <p className="chart__empty">{t('quality.followUpsNone')}</p>
      ) : (
        <table className="dash-table" data-testid="quality-follow-ups">
          <thead>
            <tr>
              <th scope="col">{t('quality.ticket')}</th>
              <th scope="col">{t('quality.day')}</th>
              <th scope="col">{t('quality.service')}</th>
              <th scope="col">{t('quality.operator')}</th>
              <th scope="col">{t('quality.desk')}</th>
              <th scope="col">{t('quality.wait')}</th>
              <th scope="col">{t('quality.outcome')}</th>
              <th scope="col">{t('quality.rating')}</th>
              <th scope="col">{t('quality.status')}</th>
            </tr>
          </thead>
          <tbody>
            {followUps.map((f) => (
              <tr key={f.ticketId} data-testid="quality-follow-up" data-ticket={f.ticketId} data-done={f.done ? 'yes' : 'no'}>
                <th scope="row">{f.ticketNumber}</th>
                <td>{dayText(f.officeDay)}</td>
                <td>{names.service(f.serviceId)}</td>
                <td>{f.operatorId ? names.operator(f.operatorId) : '—'}</td>
                <td>{f.deskId ? (names.deskNumber(f.deskId) ?? f.deskId) : '—'}</td>
                <td>{formatMinutes(f.waitMinutes ?? null, language)}</td>
                <td>{f.outcomeId ? names.outcome(f.outcomeId) : '—'}</td>
                <td>{f.rating}</td>
                <td>{f.done ? t('quality.done', { note: f.done.note }) : canMark ? <MarkDone ticketId={f.ticketId} onMark={onMark} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MarkDone({ ticketId, onMark }: { ticketId: string; onMark: Props['onMark'] }) {
  const { t } = useLanguage();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="quality-mark"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onMark(ticketId, note).then((failure) => {
          setBusy(false);
          setError(failure);
        });
      }}
    >
      <input aria-label={t('quality.note')} placeholder={t('quality.note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={busy || note.trim() === ''}>
        {t('quality.markDone')}
      </button>
      {error && <span role="alert">{t('quality.markFailed', { message: error })}</span>}
    </form>
  );
}
