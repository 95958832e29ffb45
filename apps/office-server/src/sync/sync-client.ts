import {
  bookingChangeSchema,
  MAX_QUESTIONNAIRE_SYNC,
  OFFICE_NAMESPACE,
  syncedPageOpenSchema,
  syncedQuestionnaireAnswerSchema,
  syncFailureSchema,
  syncResultSchemas,
  type OfficeSyncClientEvents,
  type OfficeSyncServerEvents,
} from '@talon/protocol';
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import { createCentralBookingIntake } from '../bookings/central-booking-intake.js';
import { createRemoteRequests } from '../remote/remote-requests.js';
import type { OfficeContext } from '../office-context.js';
import { createQualityStore } from '../quality/quality-store.js';
import { officeSummaryOf } from './office-summary.js';
import { createPhoneStatusFeed } from './phone-status-feed.js';
import { phoneStatusesOf } from './phone-statuses.js';
import { singleFlight } from './single-flight.js';
import { createSyncCursors } from './sync-cursors.js';

export interface SyncClientOptions {
  centralUrl: string;
  officeKey: string;
  /** Outbox rows per push; central takes at most 500. */
  batchSize?: number;
  ackTimeoutMs?: number;
  /** After a refusal or a timeout on a live link, try again this much later. */
  retryMs?: number;
  /**
   * A push refused `unavailable` (central overloaded, or its database away) is sent again after
   * retryMs, then twice as long each time up to this (default 30,000), each wait jittered by ±50 %
   * so a thousand offices refused together do not come back together.
   */
  maxRetryMs?: number;
  /** A ticket's position for phone pages goes up at most this often (a call goes at once); default 3000. */
  phoneThrottleMs?: number;
  /** The questionnaire's answers and page openings are exchanged this often, and at every link; default 60,000. */
  questionnaireEveryMs?: number;
}

/**
 * Central's answers are asked for again from this long before the last one taken: an answer
 * committed on another node a little after a later one is still taken (taking one twice does nothing).
 */
const QUESTIONNAIRE_OVERLAP_MS = 10 * 60_000;

type SyncCommand = keyof typeof syncResultSchemas;
type CentralAnswer<K extends SyncCommand> = z.infer<(typeof syncResultSchemas)[K]> | z.infer<typeof syncFailureSchema>;

export interface SyncStatus {
  connected: boolean;
  unsent: number;
  bookingsVersion: number;
  lastAckedAt: number | null;
}

export interface SyncClient {
  status(): SyncStatus;
  stop(): void;
}

/**
 * The office's side of the central link. The outbox goes up in order, a batch at a time, each row
 * marked only after central acknowledged its event id; booking changes come down from a version
 * the office keeps on disk. Everything is driven from the database, so a reconnect or a restart
 * simply carries on from there, both ways, without a human.
 */
export function startSyncClient(context: OfficeContext, options: SyncClientOptions): SyncClient {
  const logger = context.logger.child({ area: 'sync' });
  const cursors = createSyncCursors(context.db);
  const take = createCentralBookingIntake(context, logger);
  const batchSize = options.batchSize ?? 200;
  const ackTimeoutMs = options.ackTimeoutMs ?? 15_000;
  const retryMs = options.retryMs ?? 2_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const officeId = context.directory.config.office.id;
  const socket: Socket<OfficeSyncServerEvents, OfficeSyncClientEvents> = io(`${options.centralUrl.replace(/\/$/, '')}${OFFICE_NAMESPACE}`, {
    auth: { officeId, key: options.officeKey },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
  });
  let greeted = false;
  let stopped = false;
  let lastAckedAt: number | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let lastResendFrom: number | undefined;
  /** Pushes refused `unavailable` in a row; while the backoff timer runs, pushes wait for it. */
  let pushRefusals = 0;
  let pushRetryTimer: NodeJS.Timeout | undefined;
  const pushLater = (ms: number) => {
    if (stopped || pushRetryTimer) return;
    pushRetryTimer = setTimeout(() => {
      pushRetryTimer = undefined;
      kickPush();
    }, ms);
    pushRetryTimer.unref();
  };
  const endPushBackoff = () => {
    pushRefusals = 0;
    if (pushRetryTimer) clearTimeout(pushRetryTimer);
    pushRetryTimer = undefined;
  };

  /** Central's answer, checked like any input: one this office cannot read is a refusal, never acted on. */
  const request = async <K extends SyncCommand>(name: K, payload: Parameters<OfficeSyncClientEvents[K]>[0]): Promise<CentralAnswer<K>> => {
    const answer = await (socket.timeout(ackTimeoutMs).emitWithAck as (n: string, p: unknown) => Promise<unknown>)(name, payload);
    const result = syncResultSchemas[name].safeParse(answer);
    if (result.success) return result.data as CentralAnswer<K>;
    const refusal = syncFailureSchema.safeParse(answer);
    if (refusal.success) return refusal.data;
    logger.error({ command: name, issues: result.error.issues.slice(0, 5) }, 'central answered in a form this office cannot read');
    return { ok: false, code: 'invalid-payload', message: `malformed answer to ${name}` };
  };

  const retryLater = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      kickPush();
      kickPull();
    }, retryMs);
    retryTimer.unref();
  };

  const kickPush = singleFlight(async () => {
    while (socket.connected && greeted && !stopped) {
      // Backing off after `unavailable`: a commit meanwhile does not send early.
      if (pushRetryTimer) return;
      const messages = cursors.unsent(batchSize);
      if (messages.length === 0) return;
      const answer = await request('events:push', { messages });
      // Busy or over this link's event rate (central's `limits.officeEventsPerSecond`): back off alike.
      if (!answer.ok && (answer.code === 'unavailable' || answer.code === 'rate-limited')) {
        pushRefusals += 1;
        const delay = Math.round(Math.min(maxRetryMs, retryMs * 2 ** (pushRefusals - 1)) * (0.5 + Math.random()));
        logger.warn({ message: answer.message, firstSeq: messages[0]!.seq, refusals: pushRefusals, retryInMs: delay }, 'central cannot take events now; the outbox keeps them');
        pushLater(delay);
        return;
      }
      if (!answer.ok) {
        logger.error({ code: answer.code, message: answer.message, firstSeq: messages[0]!.seq }, 'central refused a batch of events; will retry');
        retryLater();
        return;
      }
      pushRefusals = 0;
      lastAckedAt = context.clock.now();
      cursors.markAcked(answer.acked, lastAckedAt);
      if (answer.resendFrom !== undefined) {
        const reopened = cursors.resendFrom(answer.resendFrom);
        logger.warn({ resendFrom: answer.resendFrom, reopened }, 'central asked for events again from a gap');
        // Nothing to reopen means the gap cannot be filled from here: do not spin on it.
        if (reopened === 0 || answer.resendFrom === lastResendFrom) {
          lastResendFrom = undefined;
          retryLater();
          return;
        }
        lastResendFrom = answer.resendFrom;
        continue;
      }
      lastResendFrom = undefined;
      if (answer.acked.length === 0) return;
    }
  }, (error) => {
    logger.warn({ err: error }, 'pushing events to central stopped; will retry');
    retryLater();
  });

  /**
   * The questionnaire both ways: the office's own ticket page's answers and openings up until
   * central acknowledges them; central's phone page's down, from a moment the office keeps on disk,
   * into the office's counts (a first one for a closed day drops that day's counts).
   */
  const questionnaire = createQualityStore(context.db);
  let questionnaireRefused = false;
  const kickQuestionnaire = singleFlight(async () => {
    let since = Math.max(0, cursors.questionnaireUntil() - QUESTIONNAIRE_OVERLAP_MS);
    while (socket.connected && greeted && !stopped && !questionnaireRefused) {
      const up = questionnaire.unsynced(MAX_QUESTIONNAIRE_SYNC);
      const answer = await request('questionnaire:sync', { since, ...up });
      if (!answer.ok) {
        // A central from before the office's questionnaire: the office counts its own answers on.
        if (answer.code === 'forbidden') {
          questionnaireRefused = true;
          logger.warn('central does not exchange questionnaire answers (older version); counting the office\'s own only');
          return;
        }
        logger.error({ code: answer.code, message: answer.message }, 'central refused the questionnaire exchange; will retry');
        return;
      }
      questionnaire.markSynced(answer.accepted, answer.opened);
      for (const raw of answer.pageOpens) {
        const open = syncedPageOpenSchema.safeParse(raw);
        if (open.success) questionnaire.pageOpened(open.data.ticketId, open.data.openedAt, 'central');
        else logger.error({ issues: open.error.issues.slice(0, 3) }, 'central sent a page opening this office cannot read; skipped');
      }
      for (const raw of answer.answers) {
        const given = syncedQuestionnaireAnswerSchema.safeParse(raw);
        if (given.success) questionnaire.saveAnswer({ ...given.data, source: 'central' });
        else logger.error({ issues: given.error.issues.slice(0, 3) }, 'central sent a questionnaire answer this office cannot read; skipped');
      }
      if (answer.until > cursors.questionnaireUntil()) cursors.saveQuestionnaireUntil(answer.until);
      const upFull = up.answers.length === MAX_QUESTIONNAIRE_SYNC || up.pageOpens.length === MAX_QUESTIONNAIRE_SYNC;
      const progressed = answer.until > since || answer.accepted.length + answer.opened.length > 0;
      if ((!answer.more && !upFull) || !progressed) return;
      since = answer.until;
    }
  }, (error) => {
    logger.warn({ err: error }, 'exchanging questionnaire answers with central stopped; will retry');
  });
  const questionnaireTimer = setInterval(() => kickQuestionnaire(), options.questionnaireEveryMs ?? 60_000);
  questionnaireTimer.unref();

  const kickPull = singleFlight(async () => {
    while (socket.connected && greeted && !stopped) {
      const answer = await request('bookings:pull', { since: cursors.bookingsVersion(), limit: batchSize });
      if (!answer.ok) {
        logger.error({ code: answer.code, message: answer.message }, 'central refused a bookings pull; will retry');
        retryLater();
        return;
      }
      for (const raw of answer.changes) {
        const change = bookingChangeSchema.safeParse(raw);
        if (!change.success) {
          // Skipped, loudly: one unreadable change must not hold up every booking behind it.
          const version = (raw as { version?: unknown } | null)?.version;
          logger.error({ version, issues: change.error.issues.slice(0, 5) }, 'central sent a booking change this office cannot read; skipped');
          if (Number.isSafeInteger(version) && (version as number) > cursors.bookingsVersion()) cursors.saveBookingsVersion(version as number);
          continue;
        }
        await take(change.data);
        // Saved after each change: a crash repeats at most one, and taking one twice does nothing.
        cursors.saveBookingsVersion(change.data.version);
      }
      if (!answer.more) return;
    }
  }, (error) => {
    logger.warn({ err: error }, 'pulling bookings from central stopped; will retry');
    retryLater();
  });

  const greet = singleFlight(async () => {
    greeted = false;
    const answer = await request('office:hello', { summary: officeSummaryOf(context.directory.config) });
    if (!answer.ok) {
      logger.error({ code: answer.code, message: answer.message }, 'central refused this office');
      return;
    }
    // Central knows fewer booking changes than this office has taken: it was restored from a
    // backup. Taking everything again is safe (taking a change twice does nothing).
    if (answer.bookingsVersion < cursors.bookingsVersion()) cursors.saveBookingsVersion(0);
    greeted = true;
    // A new link (perhaps to another node) starts without the last one's backoff.
    endPushBackoff();
    phoneFeed.resendAll();
    logger.info({ unsent: cursors.unsentCount(), centralBookings: answer.bookingsVersion }, 'linked to central');
    kickPull();
    kickPush();
    kickQuestionnaire();
  }, (error) => {
    logger.warn({ err: error }, 'greeting central failed; will retry on the next connect');
    if (socket.connected) setTimeout(() => greet(), retryMs).unref();
  });

  let phonesRefused = false;
  const phoneFeed = createPhoneStatusFeed({
    current: () => phoneStatusesOf(context.queue.state, (deskId) => {
      const desk = context.directory.desks.get(deskId);
      return desk ? String(desk.number) : undefined;
    }, context.clock.now(), (ticketId) => context.waits.forTicket(ticketId)),
    throttleMs: options.phoneThrottleMs ?? 3_000,
    async send(statuses) {
      if (phonesRefused) return true;
      if (!socket.connected || !greeted || stopped) return false;
      const answer = await request('tickets:status', { statuses }).catch((error: unknown) => {
        logger.warn({ err: error }, 'sending ticket statuses for phones failed; will retry');
        return undefined;
      });
      if (!answer) return false;
      if (answer.ok) return true;
      // A central from before phone pages: the queue works on, only phones see nothing.
      if (answer.code === 'forbidden') {
        phonesRefused = true;
        logger.warn('central does not take ticket statuses for phone pages (older version); not sending them');
        return true;
      }
      logger.error({ code: answer.code, message: answer.message }, 'central refused ticket statuses for phones; will retry');
      return false;
    },
  });

  socket.on('connect', () => greet());
  socket.on('disconnect', (reason) => {
    greeted = false;
    logger.info({ reason }, 'central link down; the office works on, the outbox waits');
  });
  socket.on('connect_error', (error) => {
    const data = (error as Error & { data?: { code?: string } }).data;
    if (data?.code === 'unauthorized') logger.error('central does not know this office key; check TALON_OFFICE_KEY');
  });
  socket.on('bookings:changed', () => kickPull());
  // Places taken from home: central asks, this office decides and answers (remote/remote-requests.ts).
  const remote = createRemoteRequests(context);
  socket.on('remote:join', (request, ack) => {
    if (typeof ack !== 'function') return;
    void remote.join(request).then(ack, (error: unknown) => {
      logger.error({ err: error }, 'a place from home could not be decided');
      ack({ ok: false, code: 'remote-unavailable', message: 'the office could not decide now' });
    });
  });
  socket.on('remote:arrive', (request, ack) => {
    if (typeof ack !== 'function') return;
    void remote.arrive(request).then(ack, (error: unknown) => {
      logger.error({ err: error }, 'an arrival from the phone could not be decided');
      ack({ ok: false, code: 'remote-unavailable', message: 'the office could not decide now' });
    });
  });
  const unsubscribe = context.queue.onCommitted(() => {
    kickPush();
    phoneFeed.changed();
  });
  context.onConfigChanged(() => {
    if (socket.connected && !stopped) greet();
  });

  return {
    status: () => ({ connected: socket.connected && greeted, unsent: cursors.unsentCount(), bookingsVersion: cursors.bookingsVersion(), lastAckedAt }),
    stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      clearInterval(questionnaireTimer);
      endPushBackoff();
      unsubscribe();
      phoneFeed.stop();
      socket.disconnect();
    },
  };
}
