import type { Ack, OperatorState } from '@talon/protocol';
import { useCallback, useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { sendCommand, useServerEvent, type LinkState } from '../shared/connection.js';
import { serverClockOffset } from '../shared/office-time.js';

export interface OperatorView {
  state: OperatorState | null;
  /** Server clock minus this PC's clock: timers count on the server's time. */
  clockOffset: number;
  /** Folds a command's answer in at once, before the next pushed state arrives. */
  applyDesk: (desk: OperatorState['desk']) => void;
}

/**
 * The operator's state as the server pushes it; asked for again on every (re)connect, since a
 * push sent while the link was down is lost.
 */
export function useOperatorState(socket: Socket | null, link: LinkState): OperatorView {
  const [state, setState] = useState<OperatorState | null>(null);
  const [clockOffset, setClockOffset] = useState(0);

  const receive = useCallback((next: OperatorState) => {
    setState(next);
    setClockOffset(serverClockOffset(next.serverTime));
  }, []);
  useServerEvent<OperatorState>(socket, 'operator:state', receive);

  useEffect(() => {
    if (link !== 'online' || !socket) return;
    let current = true;
    void sendCommand<{ state: OperatorState }>(socket, 'operator:snapshot').then((ack: Ack<{ state: OperatorState }> | { ok: false }) => {
      if (current && ack.ok) receive(ack.state);
    });
    return () => {
      current = false;
    };
  }, [socket, link, receive]);

  const applyDesk = useCallback((desk: OperatorState['desk']) => {
    setState((s) => (s ? { ...s, desk } : s));
  }, []);

  return { state, clockOffset, applyDesk };
}

/** The server's time, ticking once a second for the visitor's timers. */
export function useServerNow(clockOffset: number): number {
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  useEffect(() => {
    setNow(Date.now() + clockOffset);
    const timer = window.setInterval(() => setNow(Date.now() + clockOffset), 1000);
    return () => window.clearInterval(timer);
  }, [clockOffset]);
  return now;
}
