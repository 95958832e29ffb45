import { nameIn } from '@talon/messages';
import { finishGaps, type PauseReason } from '@talon/domain';
import type { DeskView } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sendCommand, useLoggedOutOnRefusal, useOfficeLink } from '../shared/connection.js';
import { useLanguage } from '../shared/language.js';
import { LinkBanner } from '../shared/LinkBanner.js';
import { formatTime } from '../shared/office-time.js';
import type { OperatorSession } from '../shared/session.js';
import { ActionBar } from './ActionBar.js';
import { CurrentVisitor } from './CurrentVisitor.js';
import { allowedActions, type DeskAction } from './desk-actions.js';
import { DeskPicker } from './DeskPicker.js';
import { QueuePanel } from './QueuePanel.js';
import { isTextField, shortcutFor } from './shortcuts.js';
import { TransferForm, type TransferRequest } from './TransferForm.js';
import { useOperatorState, useServerNow } from './use-operator-state.js';
import { NoShowUndo, usePendingNoShow } from './pending-no-show.js';
import { breakNotice } from './visitor-clock.js';
import { refusalText } from '../shared/refusal-text.js';

/** Commands whose payload is empty: the desk is always the operator's own. */
const PLAIN_COMMANDS = {
  'call-next': 'ticket:call-next',
  recall: 'ticket:recall',
  start: 'ticket:start',
  'no-show': 'ticket:no-show',
  postpone: 'ticket:postpone',
  resume: 'desk:resume',
  close: 'desk:close',
} as const satisfies Partial<Record<DeskAction, string>>;

export function OperatorConsole({ session, onLogout }: { session: OperatorSession; onLogout: () => void }) {
  const { t, language, setLanguage } = useLanguage();
  const auth = useMemo(() => ({ session: session.session }), [session.session]);
  const { socket, link, refusal } = useOfficeLink('operator', auth);
  useLoggedOutOnRefusal(link, refusal, onLogout);
  const { state, clockOffset, applyDesk } = useOperatorState(socket, link);
  const now = useServerNow(clockOffset);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [outcomeId, setOutcomeId] = useState('');
  const [pauseReason, setPauseReason] = useState<PauseReason>('break');

  const desk = state?.desk ?? null;
  const ticket = desk?.currentTicket;
  // What the office asks to be recorded before «Завершить» (the server refuses the same).
  const finishBlockers = useMemo(
    () => (state && ticket ? finishGaps(state, ticket, outcomeId || undefined) : []),
    [state, ticket, outcomeId],
  );
  const allowed = useMemo(() => {
    if (!desk || link !== 'online') return new Set<DeskAction>();
    const actions = new Set(allowedActions({ desk, waiting: state?.waiting.length ?? 0, postponed: state?.postponed.length ?? 0 }));
    if (finishBlockers.length > 0) actions.delete('finish');
    return actions;
  }, [desk, link, state?.waiting.length, state?.postponed.length, finishBlockers]);
  const outcomes = (ticket && state?.services.find((s) => s.id === ticket.serviceId)?.outcomes) ?? [];

  // A new visitor starts with no outcome chosen and no transfer form open.
  const ticketId = ticket?.id;
  useEffect(() => {
    setOutcomeId('');
    setTransferOpen(false);
  }, [ticketId]);

  const run = useCallback(
    async (event: string, payload: object = {}) => {
      setBusy(true);
      setProblem(null);
      const ack = await sendCommand<{ desk: DeskView | null }>(socket, event, payload);
      setBusy(false);
      if (ack.ok) applyDesk(ack.desk);
      else setProblem(ack.code === 'no-answer' ? t('operator.noAnswer') : t('operator.refused', { message: refusalText(t, ack) }));
      return ack.ok;
    },
    [socket, applyDesk, t],
  );

  const pendingNoShow = usePendingNoShow(ticket, () => void run('ticket:no-show'));

  const act = useCallback(
    (action: DeskAction) => {
      if (busy || !allowed.has(action)) return;
      // Any other step at the desk means the visitor did come (or the operator moved on): the
      // no-show still in its undo window is dropped, never sent behind the operator's back.
      if (action !== 'no-show') pendingNoShow.undo();
      switch (action) {
        case 'finish':
          void run('ticket:finish', outcomeId ? { outcomeId } : {});
          return;
        case 'pause':
          void run('desk:pause', { reason: pauseReason });
          return;
        case 'transfer':
          setTransferOpen(true);
          return;
        case 'no-show':
          if (ticket) pendingNoShow.begin(ticket);
          return;
        case 'call-next':
        case 'recall':
        case 'start':
        case 'postpone':
        case 'resume':
        case 'close':
          void run(PLAIN_COMMANDS[action]);
          return;
        case 'call':
        case 'take-back':
        case 'confirm-category':
          // These need a ticket or an answer chosen on screen; they have their own buttons.
          return;
        default:
          return action satisfies never;
      }
    },
    [busy, allowed, run, outcomeId, pauseReason, pendingNoShow, ticket],
  );

  // Latest `act` without re-binding the listener on every tick of the clock.
  const actRef = useRef(act);
  actRef.current = act;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor({
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        repeat: event.repeat,
        inTextField: isTextField(event.target),
      });
      if (!action) return;
      event.preventDefault();
      actRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function transfer(request: TransferRequest) {
    if (await run('ticket:transfer', request)) setTransferOpen(false);
  }

  const notice = state ? breakNotice(state.scheduledBreak, now, state.timeZone) : null;
  const breakParams = state?.scheduledBreak && {
    reason: t(`operator.reason.${state.scheduledBreak.reason}`),
    from: state.scheduledBreak.from,
    to: state.scheduledBreak.to,
  };

  return (
    <div className="op-screen">
      <header className="op-header">
        <h1>
          {t('operator.title')}
          {desk && <span className="op-header__desk"> · {nameIn(desk, language)}</span>}
        </h1>
        {desk && (
          <span className={`op-badge op-badge--${desk.status}`} data-testid="desk-status">
            {desk.status === 'paused' && desk.pauseReason && state
              ? t('operator.pausedSince', { reason: t(`operator.reason.${desk.pauseReason}`), time: formatTime(desk.statusSince, state.timeZone) })
              : t(`operator.status.${desk.status}`)}
          </span>
        )}
        <span className="op-header__who">{t('operator.signedInAs', { name: session.operator.name })}</span>
        {state?.today && (
          <span className="op-today" data-testid="operator-today" aria-label={t('operator.todayHeading')}>
            {t('operator.todayServed', { count: state.today.served })} · {t('operator.todayNoShow', { count: state.today.noShow })}
          </span>
        )}
        <button type="button" className="op-small" onClick={() => setLanguage(language === 'ru' ? 'en' : 'ru')} aria-label={t('language.switchLabel')}>
          {t('language.switch')}
        </button>
        <button type="button" className="op-small" onClick={onLogout}>
          {t('login.logout')}
        </button>
      </header>
      <LinkBanner link={link} refusal={refusal} />
      {notice && breakParams && (
        <p className="op-break" role="status" data-testid="break-notice">
          {notice.kind === 'now' ? t('operator.breakNow', breakParams) : t('operator.breakSoon', { ...breakParams, minutes: notice.inMinutes })}
        </p>
      )}
      <NoShowUndo pending={pendingNoShow.pending} now={Date.now()} onUndo={pendingNoShow.undo} />
      <div className="op-problem" role="alert">
        {problem}
      </div>
      {!state ? (
        <p className="op-muted op-loading">{t('operator.loading')}</p>
      ) : !desk ? (
        <main>
          <DeskPicker state={state} busy={busy || link !== 'online'} onOpen={(deskId) => void run('desk:open', { deskId })} />
        </main>
      ) : (
        <main className="op-main">
          <div className="op-work">
            <CurrentVisitor
              state={state}
              ticket={ticket}
              now={now}
              canConfirmCategory={!busy && allowed.has('confirm-category')}
              onConfirmCategory={(documentSeen) => void run('ticket:confirm-category', { documentSeen })}
            />
            <ActionBar
              allowed={allowed}
              busy={busy}
              outcomes={outcomes}
              outcomeEnabled={ticket?.status === 'serving'}
              finishBlockers={finishBlockers}
              outcomeId={outcomeId}
              onOutcome={setOutcomeId}
              pauseReason={pauseReason}
              onPauseReason={setPauseReason}
              onAction={act}
            />
            {transferOpen && allowed.has('transfer') && (
              <TransferForm state={state} busy={busy} onTransfer={(request) => void transfer(request)} onCancel={() => setTransferOpen(false)} />
            )}
            <p className="op-muted op-hint">{t('operator.shortcutsHint')}</p>
          </div>
          <QueuePanel
            state={state}
            now={now}
            canCall={!busy && allowed.has('call')}
            canTakeBack={!busy && allowed.has('take-back')}
            onCall={(id) => void run('ticket:call', { ticketId: id })}
            onTakeBack={(id) => void run('ticket:take-back', { ticketId: id })}
          />
        </main>
      )}
    </div>
  );
}
