import { phoneWatchSchema, type PhoneClientEvents, type PhoneServerEvents, type PhoneTicketStatus } from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { PhoneStatuses } from './phone-statuses.js';
import type { PhoneTokenCheck } from './phone-token-check.js';
import { authorise } from '../auth/central-permissions.js';

export type PhoneNamespace = Namespace<PhoneClientEvents, PhoneServerEvents>;

const ticketRoom = (officeId: string, ticketId: string) => `ticket:${officeId}/${ticketId}`;
const officePhonesRoom = (officeId: string) => `phones:${officeId}`;

export interface PhoneFanOut {
  /** The office sent statuses: keep the latest and pass each on to the pages that follow it. */
  publish(officeId: string, statuses: PhoneTicketStatus[]): number;
  /** The office's link came up or went down. */
  linkChanged(officeId: string, linked: boolean): void;
  openPages(): number;
}

/**
 * `/phone`: a page asks to follow one ticket (by the signed token from its QR) and gets its current status in the answer (so a phone
 * that reconnects is up to date at once), then every newer status and the office link's state.
 * A socket follows at most `maxWatchesPerSocket` tickets, so one client cannot join every room.
 */
export function setUpPhoneNamespace(
  nsp: PhoneNamespace,
  deps: { statuses: PhoneStatuses; checkToken: PhoneTokenCheck; isLinked: (officeId: string) => boolean; logger: Logger; maxWatchesPerSocket?: number;
    /** Statuses newer than central held, after they went to the pages (the nudges follow them). */
    onStatuses?: (officeId: string, statuses: PhoneTicketStatus[]) => void },
): PhoneFanOut {
  const maxWatches = deps.maxWatchesPerSocket ?? 4;
  nsp.on('connection', (socket: Socket<PhoneClientEvents, PhoneServerEvents>) => {
    let watches = 0;
    socket.on('ticket:watch', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = phoneWatchSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, code: 'invalid-payload', message: 'the token from the ticket' });
      if (watches >= maxWatches) return ack({ ok: false, code: 'rate-limited', message: `at most ${maxWatches} tickets per page` });
      const verdict = deps.checkToken(parsed.data.token);
      const allowed = authorise(verdict.ok ? { role: 'ticket', ref: verdict.ref } : { role: 'anyone', tokenRefusal: verdict.code }, '/phone ticket:watch');
      if (!verdict.ok || !allowed.ok) {
        const code = verdict.ok ? 'phone-token-invalid' : verdict.code;
        return ack({ ok: false, code, message: code === 'phone-token-expired' ? 'this ticket was for another day' : 'not a ticket of ours' });
      }
      watches += 1;
      const { officeId, ticketId } = verdict.ref;
      void socket.join([ticketRoom(officeId, ticketId), officePhonesRoom(officeId)]);
      ack({ ok: true, status: deps.statuses.get(officeId, ticketId) ?? null, linked: deps.isLinked(officeId) });
    });
  });
  return {
    publish(officeId, statuses) {
      const accepted: PhoneTicketStatus[] = [];
      for (const status of statuses) {
        if (!deps.statuses.take(officeId, status)) continue;
        accepted.push(status);
        nsp.to(ticketRoom(officeId, status.ticketId)).emit('ticket:status', status);
      }
      if (accepted.length > 0) deps.onStatuses?.(officeId, accepted);
      return accepted.length;
    },
    linkChanged(officeId, linked) {
      nsp.to(officePhonesRoom(officeId)).emit('office:link', { officeId, linked });
    },
    openPages: () => nsp.sockets.size,
  };
}
