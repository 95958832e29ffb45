import { t as translate, type MessageKey } from '@talon/messages';
import type { PhoneTicketStatus } from '@talon/protocol';
import { useState } from 'react';
import './remote-arrival.css';

type Remote = NonNullable<PhoneTicketStatus['remote']>;
type Outcome = 'idle' | 'sending' | 'not-near' | 'failed';

/** Asks the phone where it is, only when the office set its coordinates, and only with the visitor's leave. */
function position(): Promise<{ latitude: number; longitude: number; accuracyMeters: number } | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyMeters: Math.round(p.coords.accuracy) }),
      () => resolve(undefined),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    ),
  );
}

/**
 * A place taken from home on the ticket's page: the code (and its QR) for the kiosk, and «Я на
 * месте», which the office accepts when the phone is on its Wi-Fi or near it. Says when the turn
 * passed once and when the place expired. Kept apart from the rest of the page on purpose.
 */
export function RemoteArrival({ token, remote, state, byLocation, language }: { token: string; remote: Remote; state: PhoneTicketStatus['state']; byLocation: boolean; language: 'ru' | 'en' }) {
  const say = (key: MessageKey) => translate(language, key);
  const [outcome, setOutcome] = useState<Outcome>('idle');

  if (state === 'finished' && !remote.arrived && remote.skipped)
    return (
      <p className="ph-big ra-warn" role="status" data-testid="remote-expired">
        {say('remote.phone.expired')}
      </p>
    );
  if (state !== 'waiting') return null;

  const here = async () => {
    setOutcome('sending');
    const where = byLocation ? await position() : undefined;
    try {
      const response = await fetch(`/api/phone/${encodeURIComponent(token)}/arrived`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(where ? { position: where } : {}),
      });
      const body = (await response.json()) as { ok: boolean; code?: string };
      // Arrived: the office's next status says so, and this part changes with it.
      setOutcome(body.ok || body.code === 'remote-already-arrived' ? 'idle' : body.code === 'remote-not-near' ? 'not-near' : 'failed');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <section className="ph-section ra" aria-labelledby="ra-title" data-testid="remote" data-arrived={remote.arrived}>
      <h2 id="ra-title">{say('remote.phone.title')}</h2>
      {remote.skipped && !remote.arrived && (
        <p className="ra-warn" role="alert" data-testid="remote-skipped">
          {say('remote.phone.skipped')}
        </p>
      )}
      {remote.arrived ? (
        <p className="ph-big" role="status" data-testid="remote-arrived">
          {say('remote.phone.arrived')}
        </p>
      ) : (
        <>
          <p className="ra-label">{say('remote.phone.code')}</p>
          <p className="ra-code" data-testid="remote-code" aria-label={remote.code.split('').join(' ')}>
            {remote.code.match(/.{1,4}/g)!.map((part, i) => (
              <span key={i}>{part}</span>
            ))}
          </p>
          <img className="ra-qr" src={`/api/phone/${encodeURIComponent(token)}/arrival-qr.svg`} alt="" width={160} height={160} />
          <p className="ph-note">{say('remote.phone.codeHint')}</p>
          <button type="button" className="ph-button ra-here" onClick={() => void here()} disabled={outcome === 'sending'}>
            {say(outcome === 'sending' ? 'remote.phone.sending' : 'remote.phone.here')}
          </button>
          <p className="ph-note">{say('remote.phone.hereHint')}</p>
          {(outcome === 'not-near' || outcome === 'failed') && (
            <p className="ra-warn" role="alert" data-testid="remote-refused">
              {say(outcome === 'not-near' ? 'remote.phone.notNear' : 'remote.phone.failed')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
