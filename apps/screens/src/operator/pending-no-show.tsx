import type { TicketView } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLanguage } from '../shared/language.js';

/**
 * How long «Не явился» waits before it is sent. A no-show ends the visit for good (the domain has
 * no way back), and the visitor often walks up just as the key is pressed: the command is held
 * here, with a plain «Отменить», instead of undone later.
 */
export const NO_SHOW_UNDO_MS = 6_000;

export interface PendingNoShow {
  ticketId: string;
  number: string;
  sendAt: number;
}

export function usePendingNoShow(ticket: TicketView | undefined, send: () => void) {
  const [pending, setPending] = useState<PendingNoShow | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const sendRef = useRef(send);
  sendRef.current = send;

  const undo = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    setPending(null);
  }, []);

  const begin = useCallback((target: TicketView) => {
    window.clearTimeout(timer.current);
    setPending({ ticketId: target.id, number: target.number, sendAt: Date.now() + NO_SHOW_UNDO_MS });
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      setPending(null);
      sendRef.current();
    }, NO_SHOW_UNDO_MS);
  }, []);

  // The visitor changed under it (taken by the server, finished elsewhere, started): nothing to send.
  const stillCalled = ticket?.status === 'called' ? ticket.id : undefined;
  useEffect(() => {
    if (pending && pending.ticketId !== stillCalled) undo();
  }, [pending, stillCalled, undo]);

  // Leaving the console (logout, closing the page) drops a held no-show: the ticket stays called.
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return useMemo(() => ({ pending, begin, undo }), [pending, begin, undo]);
}

/** The snackbar: what will happen, in how long, and the one button that stops it. */
export function NoShowUndo({ pending, now, onUndo }: { pending: PendingNoShow | null; now: number; onUndo: () => void }) {
  const { t } = useLanguage();
  if (!pending) return null;
  const seconds = Math.max(1, Math.ceil((pending.sendAt - now) / 1000));
  return (
    <div className="op-undo" role="status" data-testid="no-show-pending">
      <span>{t('operator.noShowPending', { number: pending.number, seconds })}</span>
      <button type="button" className="op-action op-fit" onClick={onUndo} data-testid="no-show-undo">
        {t('operator.noShowUndo')}
      </button>
    </div>
  );
}
