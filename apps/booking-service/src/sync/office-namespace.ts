import { clientAddress, type RefusalLog, type FailureCounter } from '@talon/server-edge';
import {
  officeHandshakeSchema,
  syncCommands,
  type Ack,
  type ErrorCode,
  type OfficeSyncClientEvents,
  type OfficeSyncServerEvents,
  type SyncResults,
} from '@talon/protocol';
import type { Namespace, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { CentralConfig } from '../config/central-config.js';
import { secretMatches } from '../config/secret-hash.js';
import type { PhoneFanOut } from '../phone/phone-namespace.js';
import { authorise } from '../auth/central-permissions.js';
import { CentralStoreUnavailableError, type CentralStore } from '../storage/central-store.js';
import type { BookingRecheck } from './booking-recheck.js';
import { createPushDoor } from './push-door.js';
import { syncQuestionnaire } from './questionnaire-sync.js';

export type OfficeNamespace = Namespace<OfficeSyncClientEvents, OfficeSyncServerEvents, Record<string, never>, { officeId: string }>;
type OfficeSocket = Socket<OfficeSyncClientEvents, OfficeSyncServerEvents, Record<string, never>, { officeId: string }>;

export const officeRoom = (officeId: string) => `office:${officeId}`;

/** Whether the office has a live link now (the room empties when its socket leaves). */
export const isOfficeLinked = (nsp: OfficeNamespace, officeId: string): boolean => (nsp.adapter.rooms.get(officeRoom(officeId))?.size ?? 0) > 0;

const fail = (code: ErrorCode, message: string) => ({ ok: false as const, code, message });

/**
 * `/office`: offices authenticate with their key in the handshake, then push their outbox and
 * pull booking changes. Each handler: validate, authorise (the office may speak only for itself),
 * persist, ack.
 */
export function setUpOfficeNamespace(
  nsp: OfficeNamespace,
  deps: {
    store: CentralStore;
    config: () => CentralConfig;
    logger: Logger;
    now: () => number;
    /** Failed handshakes per address; app.ts also refuses the blocked addresses' new connections. */
    handshakeFailures: FailureCounter;
    refusals: RefusalLog;
    /** Phone pages on this node: the statuses offices send and their links' state go there. */
    phones?: PhoneFanOut;
    /** What each office linked here knows of its bookings, for the recheck under nudges. */
    recheck?: BookingRecheck;
  },
): void {
  const { store, logger } = deps;
  const door = createPushDoor(() => deps.config().limits);
  (nsp.server as unknown as { httpServer?: { once(event: 'close', listener: () => void): void } }).httpServer?.once('close', () => door.close());

  nsp.use((socket, next) => {
    const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], deps.config().limits.trustedProxies);
    const refuse = (reason: string) => {
      deps.refusals.refused(address, reason);
      next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized', message: 'unknown office or wrong office key' } }));
      // A connect packet is cheap to repeat on one open websocket (the flood of finding 1): once the
      // address is over its limit the whole connection goes, and new ones are refused at the door.
      if (deps.handshakeFailures.blocked(address)) setImmediate(() => socket.conn.close());
    };
    if (deps.handshakeFailures.blocked(address)) return refuse('office-handshake-limit');
    const auth = officeHandshakeSchema.safeParse(socket.handshake.auth);
    const office = auth.success ? deps.config().offices.find((o) => o.id === auth.data.officeId) : undefined;
    if (!auth.success || !office || !secretMatches(auth.data.key, office.keyHash)) {
      deps.handshakeFailures.fail(address);
      return refuse(auth.success ? `office-key:${auth.data.officeId}` : 'office-handshake-invalid');
    }
    socket.data.officeId = office.id;
    next();
  });

  nsp.on('connection', (socket: OfficeSocket) => {
    const officeId = socket.data.officeId;
    const log = logger.child({ officeId });
    // One link per office: a newer connection (a reconnect the old socket has not noticed yet, or a
    // second server started with the same key by mistake) replaces the older one.
    // Local and synchronous: a cluster-wide call would finish after the join below and cut this
    // very socket; app.ts tells the other nodes separately.
    nsp.local.in(officeRoom(officeId)).disconnectSockets(true);
    void socket.join(officeRoom(officeId));
    deps.phones?.linkChanged(officeId, true);
    socket.on('disconnect', () => {
      if (isOfficeLinked(nsp, officeId)) return;
      deps.phones?.linkChanged(officeId, false);
      deps.recheck?.unlinked(officeId);
    });

    const handlers: { [K in keyof typeof syncCommands]: (payload: ReturnType<(typeof syncCommands)[K]['parse']>) => Promise<Ack<SyncResults[K]>> } = {
      async 'office:hello'({ summary }) {
        const { bookingsVersion } = await store.officeHello(officeId, summary, deps.now());
        // Told at hello: the office pulls up to here by itself; anything later needs a nudge.
        deps.recheck?.known(officeId, bookingsVersion);
        return { ok: true, bookingsVersion };
      },
      async 'events:push'({ messages }) {
        for (let i = 1; i < messages.length; i += 1) {
          if (messages[i]!.seq <= messages[i - 1]!.seq) return fail('invalid-payload', 'messages must be in increasing seq order');
        }
        const { acked, resendFrom } = await door.take(() => store.ingest(officeId, messages, deps.now()));
        if (resendFrom !== undefined) log.warn({ resendFrom, firstSeq: messages[0]!.seq }, 'a gap in the office log; asking for a resend');
        return { ok: true, acked, ...(resendFrom !== undefined && { resendFrom }) };
      },
      async 'bookings:pull'({ since, limit = 200 }) {
        const { changes, version } = await store.bookingChangesSince(officeId, since, limit);
        // What the office has now taken: the last change handed over, not the store's newest
        // version, which may have moved on between the read and this answer.
        deps.recheck?.known(officeId, changes.at(-1)?.version ?? since);
        return { ok: true, changes, version, more: changes.length === limit };
      },
      async 'tickets:status'({ statuses }) {
        return { ok: true, accepted: deps.phones?.publish(officeId, statuses) ?? 0 };
      },
      'questionnaire:sync': (payload) => syncQuestionnaire(store, officeId, payload, deps.now()),
    };

    for (const name of Object.keys(syncCommands) as (keyof typeof syncCommands)[]) {
      socket.on(name, async (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        // Only an office, and only for itself (an events:push names the office of every message).
        const target = name === 'events:push' && payload && typeof payload === 'object' && Array.isArray((payload as { messages?: unknown }).messages)
          ? (payload as { messages: { officeId?: unknown }[] }).messages.map((m) => String(m?.officeId))
          : [];
        const allowed = authorise({ role: 'office', officeId }, `/office ${name}`, { target });
        if (!allowed.ok) {
          ack(fail('forbidden', allowed.message));
          return;
        }
        // An overloaded node sheds pushes before parsing them; the office keeps its outbox and retries.
        const shed = name === 'events:push' ? door.refusal() : undefined;
        if (shed) {
          deps.refusals.refused('events:push', `overloaded:${shed}`);
          ack(fail('unavailable', 'central is busy; push again shortly'));
          return;
        }
        const parsed = syncCommands[name].safeParse(payload);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          ack(fail('invalid-payload', `${issue?.path.join('.') || '(payload)'}: ${issue?.message ?? 'invalid'}`));
          return;
        }
        try {
          ack(await (handlers[name] as (p: unknown) => Promise<Ack>)(parsed.data));
        } catch (error) {
          if (error instanceof CentralStoreUnavailableError) {
            // The office keeps its outbox and retries; nothing is lost, nothing to shout about per command.
            log.warn({ command: name, reason: error.message }, 'sync command refused: central storage unavailable');
            ack(fail('unavailable', 'central storage is unavailable for now; try again shortly'));
            return;
          }
          log.error({ err: error, command: name }, 'sync command failed');
          ack(fail('internal', 'central could not take this now; try again'));
        }
      });
    }
    // Anything else an office sends gets a code, not silence.
    socket.onAny((name: string, ...args: unknown[]) => {
      if (name in syncCommands) return;
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(fail('forbidden', `"${name}" is not a /office command`));
    });
  });
}
