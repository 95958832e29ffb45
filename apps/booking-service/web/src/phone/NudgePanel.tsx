import { t as translate, type MessageKey } from '@talon/messages';
import { DEFAULT_NUDGE_PEOPLE_LEFT, type PhonePageInfo } from '@talon/protocol';
import { useState, type FormEvent } from 'react';
import { askForNudge, pushSubscription } from './nudge-api.js';

type Done = { key: MessageKey; count?: number } | undefined;

/**
 * "Tell me when N are left, and when I am called": by the browser's notifications, or by SMS with
 * a separate consent (its text is central's, shown here word for word and kept with the number).
 */
export function NudgePanel({ token, offer, language }: { token: string; offer: PhonePageInfo['nudges']; language: 'ru' | 'en' }) {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const [peopleLeft, setPeopleLeft] = useState(DEFAULT_NUDGE_PEOPLE_LEFT);
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done>(undefined);
  const pushPossible = offer.webPush !== undefined && 'serviceWorker' in navigator && 'PushManager' in window;
  if (!pushPossible && !offer.sms) return null;

  const run = async (work: () => Promise<Done>) => {
    setBusy(true);
    try {
      setDone(await work());
    } catch {
      setDone({ key: 'phone.nudgeFailed' });
    } finally {
      setBusy(false);
    }
  };
  const byPush = () =>
    run(async () => {
      const subscription = await pushSubscription(offer.webPush!.publicKey);
      if (!subscription?.endpoint || !subscription.keys) return { key: 'phone.nudgePushRefused' };
      const ok = await askForNudge(token, {
        peopleLeft, language,
        channel: { kind: 'web-push', subscription: { endpoint: subscription.endpoint, keys: { p256dh: subscription.keys['p256dh']!, auth: subscription.keys['auth']! } } },
      });
      return ok ? { key: 'phone.nudgePushOn', count: peopleLeft } : { key: 'phone.nudgeFailed' };
    });
  const bySms = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const ok = await askForNudge(token, { peopleLeft, language, channel: { kind: 'sms', phone, consent: { given: true, text: offer.sms!.consentText } } });
      return ok ? { key: 'phone.nudgeSmsOn', count: peopleLeft } : { key: 'phone.nudgeFailed' };
    });
  };

  return (
    <section className="ph-section" aria-labelledby="ph-nudge">
      <h2 id="ph-nudge">{say('phone.nudgeHeading')}</h2>
      <p>
        <label htmlFor="ph-left">{say('phone.nudgePeopleLeft')}</label>{' '}
        <input id="ph-left" className="ph-input ph-narrow" type="number" min={1} max={50} value={peopleLeft}
          onChange={(e) => setPeopleLeft(Math.min(50, Math.max(1, Number(e.target.value) || DEFAULT_NUDGE_PEOPLE_LEFT)))} />
      </p>
      {pushPossible && (
        <p>
          <button type="button" className="ph-button" disabled={busy} onClick={() => void byPush()}>
            {say('phone.nudgePush')}
          </button>
        </p>
      )}
      {offer.sms && (
        <form onSubmit={bySms} className="ph-sms">
          <h3>{say('phone.nudgeSms')}</h3>
          <p>
            <label htmlFor="ph-phone">{say('phone.nudgePhone')}</label>
            <input id="ph-phone" className="ph-input" type="tel" autoComplete="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} required />
          </p>
          <p className="ph-consent">
            <input id="ph-consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
            <label htmlFor="ph-consent">{offer.sms.consentText}</label>
          </p>
          <button type="submit" className="ph-button" disabled={busy || !consent || phone.trim() === ''}>
            {say('phone.nudgeSmsSend')}
          </button>
        </form>
      )}
      <p role="status" data-testid="nudge-result">{done ? say(done.key, { count: done.count ?? peopleLeft }) : ''}</p>
    </section>
  );
}
