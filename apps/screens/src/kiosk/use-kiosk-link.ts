import type { KioskState, PrinterHealth } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { sendCommand, useOfficeLink, useServerEvent, type OfficeLink } from '../shared/connection.js';

export interface PrintResult {
  ticketId: string;
  printed: boolean;
  status: PrinterHealth;
}

/**
 * The kiosk's live view of the office: the pushed state, and a snapshot after every (re)connect,
 * because a push lost while the link was down is never sent again.
 */
export function useKioskLink(token: string, onPrintResult: (result: PrintResult) => void): OfficeLink & { state: KioskState | null } {
  const auth = useMemo(() => ({ token }), [token]);
  const link = useOfficeLink('kiosk', auth);
  const [state, setState] = useState<KioskState | null>(null);
  const { socket } = link;

  useEffect(() => {
    if (link.link !== 'online' || !socket) return;
    let current = true;
    void sendCommand<{ state: KioskState }>(socket, 'kiosk:snapshot').then((ack) => {
      if (current && ack.ok) setState(ack.state);
    });
    return () => {
      current = false;
    };
  }, [link.link, socket]);

  useServerEvent<KioskState>(socket, 'kiosk:state', useCallback((next: KioskState) => setState(next), []));
  useServerEvent<PrintResult>(socket, 'print:result', onPrintResult);
  return { ...link, state };
}
