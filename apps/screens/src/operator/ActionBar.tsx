import { nameIn } from '@talon/messages';
import { PAUSE_REASONS, type FinishGap, type PauseReason } from '@talon/domain';
import type { ServiceView } from '@talon/protocol';
import { useId, useState } from 'react';
import { useLanguage } from '../shared/language.js';
import { ActionButton } from './ActionButton.js';
import type { DeskAction } from './desk-actions.js';

interface ActionBarProps {
  allowed: ReadonlySet<DeskAction>;
  busy: boolean;
  /** Outcomes of the current visitor's service; finish asks for one only when there are some. */
  outcomes: ServiceView['outcomes'];
  /** The visitor is being served: an outcome may be chosen (even while «Завершить» waits for it). */
  outcomeEnabled: boolean;
  /** What the office asks to be recorded before «Завершить»; the button waits for it. */
  finishBlockers: readonly FinishGap[];
  outcomeId: string;
  onOutcome: (outcomeId: string) => void;
  pauseReason: PauseReason;
  onPauseReason: (reason: PauseReason) => void;
  onAction: (action: DeskAction) => void;
}

/** The buttons of the working day, in the order a visit goes; what is not legal now is disabled. */
export function ActionBar({ allowed, busy, outcomes, outcomeEnabled, finishBlockers, outcomeId, onOutcome, pauseReason, onPauseReason, onAction }: ActionBarProps) {
  const { t, language } = useLanguage();
  const [confirmClose, setConfirmClose] = useState(false);
  // Selects are labelled by id: a wrapping label would add the chosen option to the name.
  const outcomeFieldId = useId();
  const reasonFieldId = useId();
  const can = (action: DeskAction) => !busy && allowed.has(action);
  const press = (action: DeskAction) => () => onAction(action);

  return (
    <section className="op-actions" aria-labelledby="op-actions-title">
      <h2 id="op-actions-title" className="visually-hidden">
        {t('operator.actionsHeading')}
      </h2>
      <div className="op-action-grid">
        <ActionButton shortcut="call-next" tone="primary" disabled={!can('call-next')} onClick={press('call-next')}>
          {t('operator.action.call-next')}
        </ActionButton>
        <ActionButton shortcut="recall" disabled={!can('recall')} onClick={press('recall')}>
          {t('operator.action.recall')}
        </ActionButton>
        <ActionButton shortcut="start" tone="primary" disabled={!can('start')} onClick={press('start')}>
          {t('operator.action.start')}
        </ActionButton>
        <div className="op-finish">
          <ActionButton shortcut="finish" tone="primary" disabled={!can('finish')} onClick={press('finish')}>
            {t('operator.action.finish')}
          </ActionButton>
          {outcomes.length > 0 && (
            <div className="op-field">
              <label htmlFor={outcomeFieldId}>{t('operator.outcome')}</label>
              <select
                id={outcomeFieldId}
                value={outcomeId}
                onChange={(e) => onOutcome(e.target.value)}
                disabled={!outcomeEnabled}
                aria-required={finishBlockers.includes('outcome')}
              >
                <option value="">{t('operator.outcomeNone')}</option>
                {outcomes.map((o) => (
                  <option key={o.id} value={o.id}>
                    {nameIn(o, language)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {outcomeEnabled && finishBlockers.length > 0 && (
            <p className="op-attention op-finish-needs" data-testid="finish-needs">
              {finishBlockers.map((gap) => t(`operator.finishNeeds.${gap}`)).join(' ')}
            </p>
          )}
        </div>
        <ActionButton shortcut="no-show" tone="warn" disabled={!can('no-show')} onClick={press('no-show')}>
          {t('operator.action.no-show')}
        </ActionButton>
        <ActionButton shortcut="transfer" disabled={!can('transfer')} onClick={press('transfer')}>
          {t('operator.action.transfer')}
        </ActionButton>
        <ActionButton shortcut="postpone" disabled={!can('postpone')} onClick={press('postpone')}>
          {t('operator.action.postpone')}
        </ActionButton>
      </div>

      <div className="op-desk-actions">
        <div className="op-pause">
          <div className="op-field">
            <label htmlFor={reasonFieldId}>{t('operator.pauseReason')}</label>
            <select id={reasonFieldId} value={pauseReason} onChange={(e) => onPauseReason(e.target.value as PauseReason)} disabled={!allowed.has('pause')}>
              {PAUSE_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`operator.reason.${reason}`)}
                </option>
              ))}
            </select>
          </div>
          <ActionButton shortcut="pause" disabled={!can('pause')} onClick={press('pause')}>
            {t('operator.action.pause')}
          </ActionButton>
        </div>
        <ActionButton shortcut="resume" tone="primary" disabled={!can('resume')} onClick={press('resume')}>
          {t('operator.action.resume')}
        </ActionButton>
        {confirmClose && allowed.has('close') ? (
          <div className="op-confirm" role="group" aria-label={t('operator.action.close')}>
            <span>{t('operator.closeConfirm')}</span>
            <button
              type="button"
              className="op-action op-action--warn"
              disabled={busy}
              onClick={() => {
                setConfirmClose(false);
                onAction('close');
              }}
            >
              {t('operator.closeYes')}
            </button>
            <button type="button" className="op-action" onClick={() => setConfirmClose(false)}>
              {t('operator.cancel')}
            </button>
          </div>
        ) : (
          <ActionButton disabled={!can('close')} onClick={() => setConfirmClose(true)}>
            {t('operator.action.close')}
          </ActionButton>
        )}
      </div>
    </section>
  );
}
