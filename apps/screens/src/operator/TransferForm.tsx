import { nameIn } from '@talon/messages';
import type { OperatorState } from '@talon/protocol';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLanguage } from '../shared/language.js';
import { serviceNamer } from './service-names.js';

export interface TransferRequest {
  toServiceId?: string;
  toDeskId?: string;
  keepPlace: boolean;
  comment?: string;
}

/** Where the visitor goes next and a word for the next desk; the visitor keeps their place by default. */
export function TransferForm({
  state,
  busy,
  onTransfer,
  onCancel,
}: {
  state: OperatorState;
  busy: boolean;
  onTransfer: (request: TransferRequest) => void;
  onCancel: () => void;
}) {
  const { t, language } = useLanguage();
  const nameOf = serviceNamer(state.services, language);
  const ownDeskId = state.desk?.id;
  const otherDesks = state.desks.filter((d) => d.id !== ownDeskId);
  const [target, setTarget] = useState<'service' | 'desk'>('service');
  const [serviceId, setServiceId] = useState(state.services[0]?.id ?? '');
  const [deskId, setDeskId] = useState(otherDesks[0]?.id ?? '');
  const [comment, setComment] = useState('');
  const [keepPlace, setKeepPlace] = useState(true);
  const firstField = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const targetFieldId = useId();
  // The form opens under the buttons, often below the fold on a desk's 1366x768 screen: bring the
  // whole of it (down to its submit button) into view, then put the cursor in it.
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
    firstField.current?.focus({ preventScroll: true });
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const note = comment.trim();
    onTransfer({
      ...(target === 'service' ? { toServiceId: serviceId } : { toDeskId: deskId }),
      keepPlace,
      ...(note && { comment: note }),
    });
  }

  return (
    <form ref={form} className="op-transfer" onSubmit={submit} aria-labelledby="op-transfer-title" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h3 id="op-transfer-title">{t('operator.transferHeading')}</h3>
      <fieldset>
        <legend>{t('operator.transferTo')}</legend>
        <label>
          <input ref={firstField} type="radio" name="transfer-target" checked={target === 'service'} onChange={() => setTarget('service')} />
          {t('operator.transferToService')}
        </label>
        <label>
          <input type="radio" name="transfer-target" checked={target === 'desk'} onChange={() => setTarget('desk')} disabled={otherDesks.length === 0} />
          {t('operator.transferToDesk')}
        </label>
      </fieldset>
      {target === 'service' ? (
        // Labelled by id, not by wrapping: a wrapped select adds its chosen option to its name.
        <div className="op-field">
          <label htmlFor={targetFieldId}>{t('operator.transferService')}</label>
          <select id={targetFieldId} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            {state.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} · {nameOf(s.id)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="op-field">
          <label htmlFor={targetFieldId}>{t('operator.transferDesk')}</label>
          <select id={targetFieldId} value={deskId} onChange={(e) => setDeskId(e.target.value)}>
            {otherDesks.map((d) => (
              <option key={d.id} value={d.id}>
                {nameIn(d, language)}
              </option>
            ))}
          </select>
        </div>
      )}
      <label>
        {t('operator.transferComment')}
        <textarea value={comment} maxLength={500} rows={2} onChange={(e) => setComment(e.target.value)} />
      </label>
      <label className="op-check">
        <input type="checkbox" checked={keepPlace} onChange={(e) => setKeepPlace(e.target.checked)} />
        {t('operator.transferKeepPlace')}
      </label>
      <div className="op-row">
        <button type="submit" className="op-action op-action--primary" disabled={busy}>
          {t('operator.transferSubmit')}
        </button>
        <button type="button" className="op-action" onClick={onCancel}>
          {t('operator.cancel')}
        </button>
      </div>
    </form>
  );
}
