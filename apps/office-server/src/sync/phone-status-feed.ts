import { MAX_PHONE_STATUSES, type PhoneTicketStatus } from '@talon/protocol';
import { sameForPhone } from './phone-statuses.js';

export interface PhoneStatusFeedOptions {
  /** The current status of every live ticket. */
  current(): PhoneTicketStatus[];
  /** Sends one batch up; answers false when central did not take it (it is sent again later). */
  send(statuses: PhoneTicketStatus[]): Promise<boolean>;
  /** A monotonic clock for the throttle (network load, not office time); performance.now by default. */
  now?: () => number;
  /** A ticket's position and estimate go up at most this often; a change of state goes at once. */
  throttleMs: number;
}

export interface PhoneStatusFeed {
  /** Something changed in the queue: send what phones should see, within the throttle. */
  changed(): void;
  /** The link came (back) up: central may have lost what it had, so everything goes again. */
  resendAll(): void;
  stop(): void;
}

interface Sent {
  status: PhoneTicketStatus;
  sentAt: number;
}

/**
 * Sends each live ticket's status to central when it changed, at most one position update per
 * ticket per `throttleMs` (a busy office's every call moves everyone behind it), but a call or an
 * end at once: that is what the visitor waits for. A ticket that left the queue goes up once as
 * `finished`, then is forgotten. Everything lives in memory; after a restart or a reconnect the
 * office sends all statuses again, and central keeps the newest.
 */
export function createPhoneStatusFeed(options: PhoneStatusFeedOptions): PhoneStatusFeed {
  const sent = new Map<string, Sent>();
  const clock = options.now ?? (() => performance.now());
  let timer: NodeJS.Timeout | undefined;
  let timerDue = Infinity;
  let running = false;
  let again = false;
  let stopped = false;

  const schedule = (due: number) => {
    if (stopped || due >= timerDue) return;
    if (timer) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(() => {
      timer = undefined;
      timerDue = Infinity;
      void flush();
    }, Math.max(0, due - clock()));
    timer.unref();
  };

  const flush = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const now = clock();
      const current = options.current();
      const live = new Set(current.map((s) => s.ticketId));
      const due: PhoneTicketStatus[] = [];
      let nextDue = Infinity;
      for (const status of current) {
        const last = sent.get(status.ticketId);
        if (last && sameForPhone(last.status, status)) continue;
        const stateChanged = !last || last.status.state !== status.state;
        if (stateChanged || now - last.sentAt >= options.throttleMs) due.push(status);
        else nextDue = Math.min(nextDue, last.sentAt + options.throttleMs);
      }
      for (const [ticketId, last] of sent) {
        if (live.has(ticketId)) continue;
        // Finished: no wait left to tell, so no range either.
        const { waitRange: _range, ...finished } = last.status;
        due.push({ ...finished, state: 'finished', peopleAhead: 0, estimatedWaitMin: null });
      }
      for (let i = 0; i < due.length; i += MAX_PHONE_STATUSES) {
        const batch = due.slice(i, i + MAX_PHONE_STATUSES);
        if (!(await options.send(batch))) {
          schedule(now + options.throttleMs);
          return;
        }
        for (const status of batch) {
          if (status.state === 'finished') sent.delete(status.ticketId);
          else sent.set(status.ticketId, { status, sentAt: now });
        }
      }
      if (nextDue !== Infinity) schedule(nextDue);
    } finally {
      running = false;
      if (again) {
        again = false;
        void flush();
      }
    }
  };

  return {
    changed: () => void flush(),
    resendAll() {
      // Kept (so a ticket that ended while the link was down still goes up as finished) but made
      // different from anything current, so each goes again.
      for (const entry of sent.values()) entry.status = { ...entry.status, state: 'finished' };
      void flush();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
