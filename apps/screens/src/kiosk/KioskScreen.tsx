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
 * `?idle=<seconds>` shortens the 30 s return to the home page.
 */
import type { IssuedTicket, KioskState } from '@talon/protocol';
import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { sendCommand } from '../shared/connection.js';
import { deviceToken } from '../shared/device-token.js';
import { useLanguage } from '../shared/language.js';
import { AnswerPage } from './AnswerPage.js';
import { DigitKeypad } from './DigitKeypad.js';
import { PriorityPage } from './PriorityPage.js';
import { ServicePage, SpecialPaths } from './ServicePage.js';
import { ClosedPage, StatusPage } from './StatusPage.js';
import { TicketPage } from './TicketPage.js';
import { idleMsFromAddress, useIdleReturn } from './idle-timer.js';
import { ACCOUNT_NUMBER, BOOKING_CODE } from './keypad-entry.js';
import { HOME, kioskFlow, type KioskAction, type KioskStep, type TicketRequest } from './kiosk-flow.js';
import { localName } from './localized.js';
import { groupShelf, homeShelves } from './service-tree.js';
import { useKioskLink, type PrintResult } from './use-kiosk-link.js';
import './kiosk.css';

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
        <h1 className="kiosk__office">{state?.office.name ?? t('app.name')}</h1>
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
        <KioskBody step={step} state={state} link={link} refusal={refusal?.message ?? ''} dispatch={dispatch} />
      </main>
    </div>
  );
}

/** What fills the screen: a state that stops tickets, or the visitor's current step. */
function KioskBody({
  step,
  state,
  link,
  refusal,
  dispatch,
}: {
  step: KioskStep;
  state: KioskState | null;
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
  return <StepPage step={step} state={state} dispatch={dispatch} />;
}

function StepPage({ step, state, dispatch }: { step: KioskStep; state: KioskState; dispatch: (action: KioskAction) => void }) {
  const { t, language } = useLanguage();
  const home = () => dispatch({ type: 'go-home' });
  switch (step.kind) {
    case 'home':
      return (
        <Page title={t('kiosk.chooseService')} state={state}>
          <ServicePage
            shelves={homeShelves(state)}
            category={null}
            onPick={(pick) => dispatch({ type: 'pick-service', pick })}
            onOpenGroup={(groupId) => dispatch({ type: 'open-group', groupId, category: null })}
          />
          <SpecialPaths state={state} onPriority={() => dispatch({ type: 'start-priority' })} onBooking={() => dispatch({ type: 'start-booking' })} />
        </Page>
      );
    case 'services':
    case 'group': {
      const shelf = step.kind === 'group' ? groupShelf(state, step.groupId) : null;
      const title = shelf?.group ? localName(shelf.group, language) : t('kiosk.chooseService');
      return (
        <Page title={title} state={state} onBack={() => dispatch({ type: 'back' })} onHome={home}>
          <ServicePage
            shelves={step.kind === 'group' ? (shelf ? [{ ...shelf, group: null }] : []) : homeShelves(state)}
            category={step.category}
            onPick={(pick) => dispatch({ type: 'pick-service', pick })}
            onOpenGroup={(groupId) => dispatch({ type: 'open-group', groupId, category: step.category })}
          />
        </Page>
      );
    }
    case 'categories':
      return (
        <Page title={t('kiosk.priorityTitle')} state={state} onBack={() => dispatch({ type: 'back' })} onHome={home}>
          <PriorityPage categories={state.categories} onPick={(category) => dispatch({ type: 'pick-category', category })} />
        </Page>
      );
    case 'account': {
      const pick = { service: step.service, category: step.category };
      return (
        <Page title={t('kiosk.accountTitle')} state={state} onBack={() => dispatch({ type: 'back' })} onHome={home}>
          <p className="kiosk-lead">
            <strong>{localName(step.service, language)}</strong>. {t('kiosk.accountLead')}
          </p>
          <DigitKeypad
            kind={ACCOUNT_NUMBER}
            label={t('kiosk.accountTitle')}
            emptyText={t('kiosk.accountEmpty')}
            submitText={t('kiosk.accountSubmit')}
            testId="account-number"
            onSubmit={(accountNumber) => dispatch({ type: 'enter-account', pick, accountNumber })}
          />
          <button type="button" className="kiosk-action" onClick={() => dispatch({ type: 'enter-account', pick, accountNumber: null })}>
            {t('kiosk.accountSkip')}
          </button>
        </Page>
      );
    }
    case 'booking':
      return (
        <Page title={t('kiosk.bookingTitle')} state={state} onBack={() => dispatch({ type: 'back' })} onHome={home}>
          <p className="kiosk-lead">{t('kiosk.bookingLead')}</p>
          <DigitKeypad
            kind={BOOKING_CODE}
            label={t('kiosk.bookingTitle')}
            emptyText={t('kiosk.bookingEmpty')}
            submitText={t('kiosk.bookingSubmit')}
            testId="booking-code"
            onSubmit={(code) => dispatch({ type: 'submit-code', code })}
          />
        </Page>
      );
    case 'issuing':
      return <StatusPage kind="issuing" title={t('kiosk.issuing')} />;
    case 'ticket':
      return (
        <Page title={t('kiosk.ticketTitle')} state={state}>
          <TicketPage issued={step.issued} paper={step.paper} state={state} onDone={home} />
        </Page>
      );
    case 'answer':
      return (
        <AnswerPage
          answer={step.answer}
          onBack={() => dispatch({ type: 'back' })}
          onHome={home}
          onAcceptWalkIn={() => dispatch({ type: 'accept-walk-in' })}
        />
      );
  }
}

function Page({
  title,
  state,
  onBack,
  onHome,
  children,
}: {
  title: string;
  state: KioskState;
  onBack?: () => void;
  onHome?: () => void;
  children: ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <div className="kiosk-page">
      <h2 className="kiosk-page__title">{title}</h2>
      <PrinterNotice state={state} />
      {children}
      {(onBack || onHome) && (
        <nav className="kiosk-actions" aria-label={t('kiosk.back')}>
          {onBack && (
            <button type="button" className="kiosk-action" onClick={onBack}>
              <span aria-hidden="true">← </span>
              {t('kiosk.back')}
            </button>
          )}
          {onHome && (
            <button type="button" className="kiosk-action" onClick={onHome}>
              {t('kiosk.home')}
            </button>
          )}
        </nav>
      )}
    </div>
  );
}

/** Said before the visitor chooses, so nobody waits at an empty tray. */
function PrinterNotice({ state }: { state: KioskState }) {
  const { t } = useLanguage();
  const { printer } = state;
  if (!printer.configured || printer.paperTickets) return null;
  const reason =
    printer.status === 'paper-end' ? t('kiosk.printerPaperEnd') : printer.status === 'cover-open' ? t('kiosk.printerCoverOpen') : t('kiosk.printerBroken');
  return (
    <p className="kiosk-note kiosk-note--warn" role="status" data-testid="printer-notice" data-printer={printer.status}>
      {reason} {t('kiosk.printerOnScreen')}
    </p>
  );
}

/**
 * Sends the step's request once. The ref keeps a re-render (or React's development double run)
 * from asking the office for a second ticket.
 */
function useIssuing(step: KioskStep, socket: Parameters<typeof sendCommand>[0], language: 'ru' | 'en', dispatch: (action: KioskAction) => void) {
  const sent = useRef<TicketRequest | null>(null);
  useEffect(() => {
    if (step.kind !== 'issuing' || sent.current === step.request) return;
    sent.current = step.request;
    void sendCommand<IssuedTicket>(socket, step.request.event, { ...step.request.payload, language }).then((ack) => {
      if (ack.ok) {
        const { ok: _ok, ...issued } = ack;
        dispatch({ type: 'issued', issued });
      } else {
        dispatch({ type: 'refused', code: ack.code, message: ack.message });
      }
    });
  }, [step, socket, language, dispatch]);
}
