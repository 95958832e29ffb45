import { addressIn, nameIn, t as translate, type MessageKey } from '@talon/messages';
import {
  PHONE_NAMESPACE,
  type PhoneClientEvents,
  type PhonePageInfo,
  type PhoneServerEvents,
  type PhoneTicketStatus,
  type PhoneTokenRefusal,
} from '@talon/protocol';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { alertCalled, unlockSound } from './call-alert.js';
import { NudgePanel } from './NudgePanel.js';
import { QuestionnairePanel } from './QuestionnairePanel.js';
import { RemoteArrival } from './RemoteArrival.js';

const query = new URLSearchParams(window.location.search);
const language = query.get('lang') === 'en' ? 'en' : 'ru';
document.documentElement.lang = language;
const say = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
/** The token is the last path segment of `/p/<token>`, exactly as the QR carries it. */
const token = decodeURIComponent(window.location.pathname.replace(/^\/p\//, ''));

type Load = { kind: 'loading' } | { kind: 'refused'; code: PhoneTokenRefusal | 'unavailable' } | { kind: 'ready'; info: PhonePageInfo };

async function loadInfo(): Promise<Load> {
  try {
    const response = await fetch(`/api/phone/${encodeURIComponent(token)}`, { cache: 'no-store' });
    const body = (await response.json()) as PhonePageInfo | { ok: false; code: string };
    if (body.ok) return { kind: 'ready', info: body };
    return { kind: 'refused', code: body.code === 'phone-token-expired' || body.code === 'phone-token-invalid' ? body.code : 'unavailable' };
  } catch {
    return { kind: 'refused', code: 'unavailable' };
  }
}

/**
 * The ticket's page on a visitor's phone, opened from the QR on the paper ticket: no login, no
 * app. It follows the ticket live over Socket.IO (`/phone`), says "go to desk N now" with a
 * vibration and a chime when called, and says plainly when updates are paused. It knows the
 * ticket by its signed token only, and shows nothing personal: the office never sends it.
 */
export function PhonePage() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => void loadInfo().then(setLoad), []);
  if (load.kind === 'loading') return <Shell><p role="status">{say('phone.loading')}</p></Shell>;
  if (load.kind === 'refused') return <Refused code={load.code} />;
  return <LiveTicket info={load.info} onRefused={(code) => setLoad({ kind: 'refused', code })} />;
}

function Shell({ children }: { children: ReactNode }) {
  const other = language === 'en' ? 'ru' : 'en';
  return (
    <main className="ph">
      <p className="ph-lang">
        <a href={`${window.location.pathname}?lang=${other}`} lang={other} hrefLang={other}>
          {say('phone.otherLanguage')}
        </a>
      </p>
      {children}
    </main>
  );
}

function Refused({ code }: { code: PhoneTokenRefusal | 'unavailable' }) {
  const [heading, text]: [MessageKey, MessageKey] =
    code === 'phone-token-expired'
      ? ['phone.expiredHeading', 'phone.expiredText']
      : code === 'phone-token-invalid'
        ? ['phone.invalidHeading', 'phone.invalidText']
        : ['phone.title', 'phone.unavailable'];
  useEffect(() => void (document.title = say(heading)), [heading]);
  return (
    <Shell>
      <h1 data-refusal={code}>{say(heading)}</h1>
      <p className="ph-big">{say(text)}</p>
    </Shell>
  );
}

function LiveTicket({ info, onRefused }: { info: PhonePageInfo; onRefused: (code: PhoneTokenRefusal) => void }) {
  const [status, setStatus] = useState<PhoneTicketStatus | null>(null);
  const [linked, setLinked] = useState(true);
  const [connected, setConnected] = useState(true);
  const [sound, setSound] = useState(false);
  const lastState = useRef<string | undefined>(undefined);

  useEffect(() => {
    const socket: Socket<PhoneServerEvents, PhoneClientEvents> = io(PHONE_NAMESPACE, { transports: ['websocket', 'polling'] });
    // Every (re)connect asks again: the answer is the current state, whatever was missed.
    socket.on('connect', () => {
      setConnected(true);
      socket.emit('ticket:watch', { token }, (answer) => {
        if (answer.ok) {
          setLinked(answer.linked);
          if (answer.status) setStatus((held) => (held && held.at > answer.status!.at ? held : answer.status));
        } else if (answer.code === 'phone-token-expired' || answer.code === 'phone-token-invalid') onRefused(answer.code);
      });
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('ticket:status', (next) => setStatus((held) => (held && held.at > next.at ? held : next)));
    socket.on('office:link', (link) => setLinked(link.linked));
    return () => void socket.disconnect();
  }, [onRefused]);

  useEffect(() => {
    const state = status?.state;
    if (state === 'called' && lastState.current !== 'called') alertCalled();
    lastState.current = state;
    if (status) document.title = say('phone.pageTitle', { number: status.number });
  }, [status]);

  // Any touch of the page lets it sound the chime later (phones allow sound only after one).
  useEffect(() => {
    const unlock = () => setSound(unlockSound());
    window.addEventListener('pointerdown', unlock, { once: true });
    return () => window.removeEventListener('pointerdown', unlock);
  }, []);

  const paused = !linked || !connected;
  const service = status ? info.services.find((s) => s.id === status.serviceId) : undefined;
  const serviceName = service ? nameIn(service, language) : undefined;
  const officeAddress = info.office ? addressIn(info.office, language) : undefined;

  return (
    <Shell>
      <h1>{say('phone.title')}</h1>
      {paused && (
        <section className="ph-paused" role="status" data-testid="paused">
          <h2>{say('phone.paused')}</h2>
          <p>{say('phone.pausedText')}</p>
        </section>
      )}
      {status === null ? (
        <p className="ph-big" role="status">{say('phone.noStatus')}</p>
      ) : (
        <>
          <dl className="ph-ticket">
            <div>
              <dt>{say('phone.number')}</dt>
              <dd className="ph-number" data-testid="ticket-number">{status.number}</dd>
            </div>
            {serviceName && (
              <div>
                <dt>{say('phone.service')}</dt>
                <dd>{serviceName}</dd>
              </div>
            )}
          </dl>
          <TicketState status={status} />
          {status.remote && <RemoteArrival token={token} remote={status.remote} state={status.state} byLocation={info.remoteArrival?.byLocation ?? false} language={language} />}
        </>
      )}
      {status?.state === 'waiting' && <NudgePanel token={token} offer={info.nudges} language={language} />}
      {status?.state === 'finished' && <QuestionnairePanel token={token} language={language} />}
      <section className="ph-section" aria-labelledby="ph-missed">
        <h2 id="ph-missed">{say('phone.missedHeading')}</h2>
        <p>{say('phone.missedText')}</p>
      </section>
      {info.office && (
        <section className="ph-section" aria-label={say('phone.office')}>
          <h2>{nameIn(info.office, language)}</h2>
          <dl className="ph-office">
            {officeAddress && (
              <div>
                <dt>{say('phone.address')}</dt>
                <dd data-testid="office-address">{officeAddress}</dd>
              </div>
            )}
            <div>
              <dt>{say('phone.hoursToday')}</dt>
              <dd data-testid="office-hours">{info.office.hoursToday ? `${info.office.hoursToday.open}–${info.office.hoursToday.close}` : say('phone.closedToday')}</dd>
            </div>
          </dl>
        </section>
      )}
      <p>
        <button type="button" className="ph-button" onClick={() => setSound(unlockSound())} aria-pressed={sound}>
          {say(sound ? 'phone.soundReady' : 'phone.soundOn')}
        </button>
      </p>
      <p className="ph-note">{say('phone.privacy')}</p>
    </Shell>
  );
}

/** The part that changes: read out by screen readers as it changes (aria-live). */
function TicketState({ status }: { status: PhoneTicketStatus }) {
  const desk = status.deskNumber;
  if (status.state === 'called')
    return (
      <p className="ph-called" role="alert" data-testid="called">
        {desk ? say('phone.called', { desk }) : say('phone.calledNoDesk')}
      </p>
    );
  const message: MessageKey | undefined =
    status.state === 'serving' ? 'phone.serving' : status.state === 'postponed' ? 'phone.postponed' : status.state === 'finished' ? 'phone.finished' : undefined;
  if (message)
    return (
      <p className="ph-big" role="status" data-testid="state" data-state={status.state}>
        {say(message, { desk: desk ?? '' })}
      </p>
    );
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="waiting">
      <dl className="ph-wait">
      <div>
        <dt>{say('phone.peopleAhead')}</dt>
        <dd className="ph-count" data-testid="people-ahead">{status.peopleAhead}</dd>
      </div>
      <div>
        <dt>{say('phone.estimate')}</dt>
        <dd className="ph-count" data-testid="estimate">
          {/* The range the office told on the kiosk and the paper, where it sends one (offices before it send the minutes alone). */}
          {status.estimatedWaitMin === null
            ? say('phone.estimateUnknown')
            : status.estimatedWaitMin < 1
              ? say('phone.estimateSoon')
              : status.waitRange
                ? say('phone.minutesRange', { from: status.waitRange.fromMin, to: status.waitRange.toMin })
                : say('phone.minutes', { count: status.estimatedWaitMin })}
        </dd>
      </div>
      </dl>
    </div>
  );
}
