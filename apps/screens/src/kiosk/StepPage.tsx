import type { KioskState } from '@talon/protocol';
import type { ReactNode } from 'react';
import { useLanguage } from '../shared/language.js';
import { AnswerPage } from './AnswerPage.js';
import { DigitKeypad } from './DigitKeypad.js';
import { PriorityPage } from './PriorityPage.js';
import { ServicePage, SpecialPaths } from './ServicePage.js';
import { StatusPage } from './StatusPage.js';
import { TicketPage } from './TicketPage.js';
import { ACCOUNT_NUMBER, BOOKING_CODE } from './keypad-entry.js';
import type { KioskAction, KioskStep } from './kiosk-flow.js';
import { localName } from './localized.js';
import { groupShelf, homeShelves } from './service-tree.js';

/** One page per step of the visitor's way; the taps become flow actions. */
export function StepPage({
  step,
  state,
  look,
  dispatch,
}: {
  step: KioskStep;
  state: KioskState;
  /** The screen's text size: a change re-measures how many buttons fit. */
  look: string;
  dispatch: (action: KioskAction) => void;
}) {
  const { t, language } = useLanguage();
  const home = () => dispatch({ type: 'go-home' });
  switch (step.kind) {
    case 'home':
      return (
        <Page title={t('kiosk.chooseService')} state={state}>
          <ServicePage
            shelves={homeShelves(state)}
            category={null}
            fitKey={`${look}|home`}
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
            fitKey={`${look}|${step.kind}`}
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
          timeZone={state.office.timeZone}
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

