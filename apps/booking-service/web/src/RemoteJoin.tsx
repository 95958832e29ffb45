import { addressIn, nameIn, t, type MessageKey } from '@talon/messages';
import type { RemoteJoinAnswer, RemoteOfficesAnswer } from '@talon/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import './remote-join.css';

const KNOWN = ['remote-unavailable', 'remote-not-offered', 'remote-full', 'remote-cut-off', 'office-closed', 'rate-limited'];

/** A fresh idempotency key: kept for retries of one press, so a lost answer never takes two places. */
const newRequestKey = () => crypto.randomUUID().replaceAll('-', '');

/**
 * "Join today's queue" on the booking page: shown only when some office takes places from home.
 * The office decides over its link to central; the visitor lands on the ticket's live page, which
 * shows the code for the kiosk and «Я на месте». With the office's link down it says so.
 */
export function RemoteJoin({ language = 'ru' }: { language?: 'ru' | 'en' }) {
  const say = (key: MessageKey, params?: Record<string, string | number>) => t(language, key, params);
  const [offices, setOffices] = useState<RemoteOfficesAnswer['offices']>([]);
  const [officeId, setOfficeId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const requestKey = useRef(newRequestKey());

  useEffect(() => {
    fetch('/api/remote/offices', { cache: 'no-store' })
      .then((r) => r.json() as Promise<RemoteOfficesAnswer | { ok: false }>)
      .then((answer) => answer.ok && setOffices(answer.offices))
      .catch(() => undefined);
  }, []);

  if (offices.length === 0) return null;
  const office = offices.find((o) => o.id === officeId);

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const response = await fetch('/api/remote/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ officeId, serviceId, requestKey: requestKey.current }),
      });
      const answer = (await response.json()) as RemoteJoinAnswer | { ok: false; code: string };
      if (answer.ok) {
        window.location.assign(`${answer.pagePath}${language === 'en' ? '?lang=en' : ''}`);
        return;
      }
      // Refused: the next press is a new request. (A network failure keeps the key: it may have got through.)
      requestKey.current = newRequestKey();
      setError(say((KNOWN.includes(answer.code) ? `remote.join.error.${answer.code}` : 'remote.join.error.other') as MessageKey));
    } catch {
      setError(say('remote.join.error.other'));
    }
    setBusy(false);
  }

  return (
    <section className="remote-join" aria-labelledby="remote-join-title" data-testid="remote-join">
      <h2 id="remote-join-title">{say('remote.join.title')}</h2>
      <p className="lead">{say('remote.join.lead')}</p>
      <form onSubmit={(e) => void join(e)}>
        <label className="field">
          <span>{say('remote.join.office')}</span>
          <select name="remote-office" value={officeId} onChange={(e) => { setOfficeId(e.target.value); setServiceId(''); setError(''); }}>
            <option value="" disabled>—</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {(o.address ? `${nameIn(o, language)}, ${addressIn(o, language)}` : nameIn(o, language)) + (o.linked ? '' : ` (${say('remote.join.offline')})`)}
              </option>
            ))}
          </select>
        </label>
        {office && (
          <label className="field">
            <span>{say('remote.join.service')}</span>
            <select name="remote-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="" disabled>—</option>
              {office.services.map((s) => (
                <option key={s.id} value={s.id}>{nameIn(s, language)}</option>
              ))}
            </select>
          </label>
        )}
        {office && !office.linked && <p className="error" role="alert">{say('remote.join.error.remote-unavailable')}</p>}
        <p className="remote-join__rule">{say('remote.join.rule')}</p>
        {error && <p className="error" role="alert" data-testid="remote-join-error">{error}</p>}
        <button className="primary" type="submit" disabled={busy || !office || !serviceId}>
          {busy ? say('remote.join.sending') : say('remote.join.submit')}
        </button>
      </form>
    </section>
  );
}
