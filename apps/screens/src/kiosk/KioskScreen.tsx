import { nameIn } from '@talon/messages';
/**
 * The kiosk: a touch screen by the door where visitors of every age take a ticket.
 *
 * Stable hooks for tests written elsewhere (keep them when restyling):
 * - every service is a `role=button` whose accessible name starts with the service's name (its hint
 *   follows), also `[data-testid="service-<serviceId>"]`; the paths «Вне очереди» and «У меня запись»
 *   are buttons whose names start so; priority categories are `[data-testid="category-<id>"]`;
 * - the issued ticket's number is `[data-testid="ticket-number"]` (as the server sends it, e.g.
 *   `A001`); `[data-testid="ticket"]` carries `data-paper` (printing, printed, not-printed,
 *   no-printer) and `data-kind` (walk-in, priority, booking);
 * - the keypads' values are `[data-testid="account-number"]` / `[data-testid="booking-code"]`
 *   with the digits in `data-value`; digit keys are buttons named «Цифра 5» (“Digit 5”);
 * - an answer instead of a ticket is `[data-testid="kiosk-answer"]` with `data-answer`;
 *   whole-screen states are `[data-testid="kiosk-status"]` with `data-status` (closed, offline,
 *   connecting, refused, no-token); `[data-testid="printer-notice"]` when paper will not come;
 * - the root `[data-testid="kiosk"]` carries `data-step` and `data-contrast`.
 * `?idle=<seconds>` shortens the 30 s return to the home page. A barcode scanner that types a
 * booking code quickly and ends with Enter checks in from the home page and the code page.
 */
import type { KioskState } from '@talon/protocol';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { deviceToken } from '../shared/device-token.js';
import { useLanguage } from '../shared/language.js';
import { StepPage } from './StepPage.js';
import { ClosedPage, StatusPage } from './StatusPage.js';
import { idleMsFromAddress, useIdleReturn } from './idle-timer.js';
import { HOME, kioskFlow, type KioskAction, type KioskStep } from './kiosk-flow.js';
import { useIssuing } from './use-issuing.js';
import { useKioskLink, type PrintResult } from './use-kiosk-link.js';
import { useScannedCodes } from './use-scanner.js';
import './kiosk.css';
import { refusalText } from '../shared/refusal-text.js';

export function KioskScreen() {
  const { t } = useLanguage();
  const [token] = useState(() => deviceToken());
  if (!token) {
    return (
      <main className="kiosk" data-testid="kiosk">
        <StatusPage kind="no-token" title={t('kiosk.noToken')} />
      </main>
    );
  }
  return <LiveKiosk token={token} />;
}

function LiveKiosk({ token }: { token: string }) {
  const { t, language, setLanguage } = useLanguage();
  const [step, dispatch] = useReducer(kioskFlow, HOME);
  const [contrast, setContrast] = useState(false);
  const [idleMs] = useState(() => idleMsFromAddress(window.location.search));
  const onPrintResult = useCallback((result: PrintResult) => dispatch({ type: 'print-result', ...result }), []);
  const { socket, link, refusal, state } = useKioskLink(token, onPrintResult);
  useIssuing(step, socket, language, dispatch);
  // A booking's QR read by the kiosk's scanner checks in from the home page or the code page alike.
  const canIssue = state?.office.issuing.open === true && link === 'online';
  useScannedCodes(canIssue && (step.kind === 'home' || step.kind === 'booking'), (code) => dispatch({ type: 'submit-code', code }));
  // Each step is a new page to the visitor: it starts at its top, not where the last tap was.
  // (A block body: newer browsers return a promise from scrollTo, which React would take for a cleanup.)
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [step.kind]);

  const atRest = step.kind === 'home' && language === 'ru' && !contrast;
  useIdleReturn(idleMs, !atRest, () => {
    dispatch({ type: 'go-home' });
    setLanguage('ru');
    setContrast(false);
  });

  return (
    <div
      className={`kiosk${contrast ? ' kiosk--contrast' : ''}`}
      data-testid="kiosk"
      data-step={step.kind}
      data-contrast={contrast}
      // A long press on a touch screen would open the browser's menu; a kiosk has none to offer.
      onContextMenu={(event) => event.preventDefault()}
    >
      <header className="kiosk__top">
        <h1 className="kiosk__office">{state ? nameIn(state.office, language) : t('app.name')}</h1>
        <button type="button" className="kiosk-switch" aria-pressed={contrast} onClick={() => setContrast(!contrast)}>
          {t('kiosk.contrast')}
        </button>
        <button
          type="button"
          className="kiosk-switch"
          lang={language === 'ru' ? 'en' : 'ru'}
          aria-label={t('language.switchLabel')}
          onClick={() => setLanguage(language === 'ru' ? 'en' : 'ru')}
        >
          {t('language.switch')}
        </button>
      </header>
      <main className="kiosk__main">
        <KioskBody step={step} state={state} look={contrast ? 'large' : 'plain'} link={link} refusal={refusal ? refusalText(t, refusal) : ''} dispatch={dispatch} />
      </main>
    </div>
  );
}

/** What fills the screen: a state that stops tickets, or the visitor's current step. */
function KioskBody({
  step,
  state,
  look,
  link,
  refusal,
  dispatch,
}: {
  step: KioskStep;
  state: KioskState | null;
  look: string;
  link: string;
  refusal: string;
  dispatch: (action: KioskAction) => void;
}) {
  const { t } = useLanguage();
  // A ticket just issued stays on screen whatever happens next: the visitor needs its number.
  const holding = step.kind === 'ticket';
  if (link === 'refused') return <StatusPage kind="refused" title={t('kiosk.refused', { message: refusal })} />;
  if (link === 'offline' && !holding) return <StatusPage kind="offline" title={t('kiosk.offlineTitle')} lead={t('kiosk.offlineLead')} />;
  if (!state) return <StatusPage kind="connecting" title={t('kiosk.connecting')} />;
  if (!state.office.issuing.open && !holding) return <ClosedPage office={state.office} />;
  return <StepPage step={step} state={state} look={look} dispatch={dispatch} />;
}
