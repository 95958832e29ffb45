import type { IssuedTicket } from '@talon/protocol';
import { useEffect, useRef } from 'react';
import { sendCommand } from '../shared/connection.js';
import type { KioskAction, KioskStep, TicketRequest } from './kiosk-flow.js';

/**
 * Sends the step's request once. The ref keeps a re-render (or React's development double run)
 * from asking the office for a second ticket.
 */
export function useIssuing(step: KioskStep, socket: Parameters<typeof sendCommand>[0], language: 'ru' | 'en', dispatch: (action: KioskAction) => void) {
  const sent = useRef<TicketRequest | null>(null);
  useEffect(() => {
    if (step.kind !== 'issuing' || sent.current === step.request) return;
    sent.current = step.request;
    void sendCommand<IssuedTicket>(socket, step.request.event, { ...step.request.payload, language }).then((ack) => {
      if (ack.ok) {
        const { ok: _ok, ...issued } = ack;
        dispatch({ type: 'issued', issued });
      } else {
        dispatch({ type: 'refused', code: ack.code, ...('details' in ack && ack.details && { details: ack.details }) });
      }
    });
  }, [step, socket, language, dispatch]);
}
