import { inLanguage, nameIn } from '@talon/messages';
/**
 * The hall board: a TV read from across the room.
 *
 * Stable hooks for tests written elsewhere (keep them when restyling):
 * - each current call is `[data-testid="board-call"]`, its text holds the ticket number as the
 *   server sends it (e.g. `A001`) and the desk number; the same values sit in `data-ticket` and
 *   `data-desk`; the newest call blinks for a few seconds with `data-flash="true"`;
 * - `[data-testid="board-history"]` holds the last calls, `[data-testid="board-waiting"]` the
 *   waiting counts per service (`data-service` on each row);
 * - `[data-testid="board-offline"]` («нет связи») is shown while the link is lost;
 * - `[data-testid="board-clock"]` is the office's wall clock.
 */
import type { BoardCall, BoardCallView, BoardState } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { sendCommand, useOfficeLink, useServerEvent } from '../shared/connection.js';
import { deviceToken } from '../shared/device-token.js';
import { useLanguage } from '../shared/language.js';
import { formatTime } from '../shared/office-time.js';
import { createHallVoice } from './hall-voice.js';
import { callsSinceLoad, missedCalls } from './missed-calls.js';
import { useFitToBox } from './fit-to-box.js';
import { withCall } from './with-call.js';
import './board.css';
import { refusalText } from '../shared/refusal-text.js';

/** Long enough to catch the eye of someone who looked up at the chime, short enough not to nag. */
const FLASH_MS = 8_000;
const MOST_CALLS_SHOWN = 8;
/**
 * Calls made from shortly before the page began loading are heard even if they reach it only in
 * its first state (#17): the ones a reload, or a call made as the board starts, would swallow.
 */
const PAGE_LOADED_AT = performance.timeOrigin - 2_000;

export function BoardScreen() {
  const { t } = useLanguage();
  const [token] = useState(() => deviceToken());
  if (!token) {
    return (
      <main className="board board--unset">
        <h1>{t('board.noToken')}</h1>
      </main>
    );
  }
  return <LiveBoard token={token} />;
}

function LiveBoard({ token }: { token: string }) {
  const { t, language } = useLanguage();
  const auth = useMemo(() => ({ token }), [token]);
  const { socket, link, refusal } = useOfficeLink('board', auth);
  const [state, setState] = useState<BoardState | null>(null);
  const [flashes, setFlashes] = useState<Record<string, number>>({});
  const [voice] = useState(() => createHallVoice());
  const lastState = useRef<BoardState | null>(null);
  const away = useRef(false);
  const clockOffset = useRef(0);
  const now = useNow() + clockOffset.current;

  const announce = useCallback(
    (call: BoardCall) => {
      voice.announce(call);
      setFlashes((current) => {
        // Only the calls still blinking are kept: a board runs all day.
        const now = Date.now();
        const live = Object.fromEntries(Object.entries(current).filter(([, until]) => until > now));
        return { ...live, [call.ticketId]: now + FLASH_MS };
      });
    },
    [voice],
  );

  const receive = useCallback(
    (next: BoardState) => {
      clockOffset.current = next.office.serverTime - Date.now();
      voice.observe(next);
      if (!lastState.current) callsSinceLoad(next, PAGE_LOADED_AT, Date.now()).forEach(announce);
      if (away.current) {
        // Back from a lost link: whoever is being called now and was not heard is said now.
        missedCalls(lastState.current, next).forEach(announce);
        away.current = false;
      }
      lastState.current = next;
      setState(next);
    },
    [announce, voice],
  );

  useEffect(() => {
    if (link === 'offline') away.current = true;
    if (link !== 'online' || !socket) return;
    let current = true;
    // The snapshot is the guarantee after a reconnect; the pushed state is only quicker.
    void sendCommand<{ state: BoardState }>(socket, 'board:snapshot').then((ack) => {
      if (current && ack.ok) receive(ack.state);
    });
    return () => {
      current = false;
    };
  }, [link, socket, receive]);

  useServerEvent<BoardState>(socket, 'board:state', receive);
  useServerEvent<BoardCall>(socket, 'board:call', (call) => {
    announce(call);
    setState((current) => withCall(current, call));
  });

  const waitingBox = useRef<HTMLElement>(null);
  useFitToBox(waitingBox, state?.waiting);

  const timeZone = state?.office.timeZone ?? 'Europe/Moscow';
  const calls = state?.calls.slice(0, MOST_CALLS_SHOWN) ?? [];
  const lost = link === 'offline' || link === 'refused';

  return (
    <div className={`board${lost ? ' board--lost' : ''}`}>
      <header className="board__top">
        <h1 className="board__office">{state ? nameIn(state.office, language) : t('board.title')}</h1>
        {link === 'offline' && (
          <p className="board__offline" role="status" data-testid="board-offline" title={t('board.offlineHint')}>
            {t('board.offline')}
          </p>
        )}
        {link === 'refused' && (
          <p className="board__offline" role="alert" data-testid="board-refused">
            {t('board.refused', { message: refusal ? refusalText(t, refusal) : '' })}
          </p>
        )}
        <SoundSwitch />
        <time className="board__clock" data-testid="board-clock" dateTime={new Date(now).toISOString()}>
          {formatTime(now, timeZone)}
        </time>
      </header>

      <main className="board__main">
        <section className="board__calls" aria-labelledby="board-calls-title">
          <h2 id="board-calls-title" className="board__heading">
            {t('board.calledNow')}
          </h2>
          <div className="board__columns" aria-hidden="true">
            <span>{t('board.ticket')}</span>
            <span>{t('board.desk')}</span>
          </div>
          {calls.length === 0 ? (
            <p className="board__empty">{t('board.noCalls')}</p>
          ) : (
            <ol className="board__call-list" aria-live="polite" data-count={calls.length} style={{ '--board-rows': calls.length } as CSSProperties}>
              {calls.map((call) => (
                <CallRow key={call.ticketId} call={call} flashing={(flashes[call.ticketId] ?? 0) > Date.now()} />
              ))}
            </ol>
          )}
        </section>

        <aside className="board__side">
          <section className="board__history" aria-labelledby="board-history-title">
            <h2 id="board-history-title" className="board__heading">
              {t('board.lastCalls')}
            </h2>
            <ol data-testid="board-history">
              {(state?.history ?? []).map((item) => (
                <li key={`${item.number}@${item.at}`}>
                  <span className="board__history-number">{item.number}</span>
                  <span className="board__history-desk">
                    {t('board.desk')} {item.deskNumber}
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <section className="board__waiting" aria-labelledby="board-waiting-title" ref={waitingBox}>
            <h2 id="board-waiting-title" className="board__heading">
              {t('board.waiting')}
            </h2>
            <ul data-testid="board-waiting">
              {(state?.waiting ?? []).map((service) => (
                <li key={service.serviceId} data-service={service.serviceId}>
                  <span className="board__service">
                    <span className="board__prefix">{service.prefix}</span> {inLanguage(service.serviceName, service.serviceNameEn, language)}
                  </span>
                  <span className="board__count">{t('board.waitingCount', { count: service.waiting })}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </main>
    </div>
  );
}

function CallRow({ call, flashing }: { call: BoardCallView; flashing: boolean }) {
  const { t } = useLanguage();
  return (
    <li
      className={`board-call${flashing ? ' board-call--flash' : ''}`}
      data-testid="board-call"
      data-ticket={call.number}
      data-desk={call.deskNumber}
      data-flash={flashing}
      aria-label={t('board.callAria', { number: call.number, desk: call.deskNumber })}
    >
      <span className="board-call__number">
        {call.number}
        {call.remote && (
          <small className="board-call__remote" data-testid="board-remote">
            {' '}
            {t('remote.mark')}
          </small>
        )}
      </span>
      <span className="board-call__arrow" aria-hidden="true">
        →
      </span>
      <span className="board-call__desk">{call.deskNumber}</span>
    </li>
  );
}

/**
 * Browsers keep a page silent until someone has touched it; a board PC set up by hand gets one
 * press here, a shell started with an autoplay policy never shows it.
 */
function SoundSwitch() {
  const { t } = useLanguage();
  const [needed, setNeeded] = useState(() => !soundAllowed());
  // Gone as soon as sound may play, however it came to be allowed (a press anywhere, the shell's
  // policy, a chime that started): the button must never sit on the hall's picture while it speaks.
  useEffect(() => {
    if (!needed) return;
    // A cheap look at the activation flag each time; the audio probe runs once, at start.
    const check = () => {
      if ((navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive !== false) setNeeded(false);
    };
    const timer = setInterval(check, 500);
    window.addEventListener('pointerdown', check);
    window.addEventListener('keydown', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pointerdown', check);
      window.removeEventListener('keydown', check);
    };
  }, [needed]);
  if (!needed) return null;
  return (
    <button type="button" className="board__sound" onClick={() => setNeeded(false)}>
      {t('board.soundOn')}
    </button>
  );
}

/** Whether this page may make a sound now: it was touched, or its audio starts unprompted. */
function soundAllowed(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  if (!activation || activation.hasBeenActive || typeof AudioContext === 'undefined') return true;
  const probe = new AudioContext();
  const running = probe.state !== 'suspended';
  void probe.close();
  return running;
}

/** The wall clock ticks every second; blinking calls stop on the same beat. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
