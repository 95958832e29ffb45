import { NAMESPACES, type Ack, type HandshakeAuth, type Role } from '@talon/protocol';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

/** How the screen's link to the office server stands; screens show every state but `online`. */
export type LinkState = 'connecting' | 'online' | 'offline' | 'refused';

export interface Refusal {
  code: string;
  message: string;
}

export interface OfficeLink {
  socket: Socket | null;
  link: LinkState;
  refusal: Refusal | null;
}

/**
 * One Socket.IO connection to the role's namespace, reconnecting for as long as the screen is
 * open. A refused handshake (bad token, expired session) is not retried: only a person can fix it.
 */
export function useOfficeLink(role: Role, auth: HandshakeAuth | null): OfficeLink {
  const [state, setState] = useState<OfficeLink>({ socket: null, link: 'connecting', refusal: null });
  const authKey = auth ? JSON.stringify(auth) : '';

  useEffect(() => {
    if (!auth) return;
    const socket = io(NAMESPACES[role], {
      auth,
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    setState({ socket, link: 'connecting', refusal: null });
    socket.on('connect', () => setState({ socket, link: 'online', refusal: null }));
    socket.on('disconnect', (reason) => {
      setState((s) => ({ ...s, link: 'offline' }));
      // The server ended this link on purpose (a password change signs a person out): asking again
      // lets the handshake say why, instead of sitting offline for good.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error: Error & { data?: Partial<Refusal> }) => {
      // A middleware refusal carries data; a transport failure does not and is retried by the manager.
      if (error.data?.code) {
        setState({ socket, link: 'refused', refusal: { code: error.data.code, message: error.data.message ?? error.message } });
      } else {
        setState((s) => ({ ...s, link: 'offline' }));
      }
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role, authKey]);

  return state;
}

/**
 * A person's screen whose session has ended (expired overnight, or their password was changed)
 * goes back to its login form instead of showing a refused link nobody at the desk can fix.
 */
export function useLoggedOutOnRefusal(link: LinkState, refusal: Refusal | null, onLoggedOut: () => void): void {
  useEffect(() => {
    if (link === 'refused' && refusal?.code === 'unauthorized') onLoggedOut();
  }, [link, refusal, onLoggedOut]);
}

/** A command that got no answer in time: the screen says the server did not answer. */
export interface NoAnswer {
  ok: false;
  code: 'no-answer';
  message: string;
}

/** Sends a command and resolves with its ack; never rejects, so a screen always has an answer to show. */
export async function sendCommand<T extends object>(
  socket: Socket | null,
  event: string,
  payload: object = {},
  timeoutMs = 8_000,
): Promise<Ack<T> | NoAnswer> {
  if (!socket || !socket.connected) return { ok: false, code: 'no-answer', message: 'not connected' };
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return { ok: false, code: 'no-answer', message: `no answer in ${timeoutMs} ms` };
  }
}

/** Subscribes to one server event for the life of a component. */
export function useServerEvent<T>(socket: Socket | null, event: string, handler: (payload: T) => void): void {
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => handler(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
    // The latest handler is wanted on every render, without resubscribing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [socket, event, handler]);
}
