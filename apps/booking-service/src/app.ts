import { OFFICE_NAMESPACE, PHONE_NAMESPACE, type OfficeSummary } from '@talon/protocol';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createCentralBookings } from './booking/central-bookings.js';
import { loadOfficeDirectory } from './booking/office-directory.js';
import type { CentralConfig } from './config/central-config.js';
import { createCentralHttpHandler } from './http/central-http-handler.js';
import { authorise } from './auth/central-permissions.js';
import { capConnectionsPerAddress, clientAddress, createFailureCounter, createLimitedServer, createRefusalLog, createSocketSessions, limitSocketEvents, socketDoor, within, type EventLimits } from '@talon/server-edge';
import { createQualityHttp } from './quality/quality-http.js';
import { countRecentQualityDays, forgetAccountKeys } from './quality/central-quality.js';
import { rollUpRecentReportDays } from './reports/roll-up-report-days.js';
import type { Logger } from './logger.js';
import type { CentralStore } from './storage/central-store.js';
import { setUpPhoneNamespace, type PhoneNamespace } from './phone/phone-namespace.js';
import { createPhoneStatuses } from './phone/phone-statuses.js';
import { createPhoneTokenCheck } from './phone/phone-token-check.js';
import { createNudgeChannels } from './phone/nudges/nudge-channels.js';
import { createNudgeService } from './phone/nudges/nudge-service.js';
import { createQuestionnaireService } from './phone/questionnaire-service.js';
import { officeDayOf } from './booking/office-day.js';
import { isOfficeLinked, officeRoom, setUpOfficeNamespace, type OfficeNamespace } from './sync/office-namespace.js';
import { createRemoteQueue } from './remote/remote-queue.js';
import type { RedisCluster } from './sync/redis-cluster.js';
import { createBookingRecheck } from './sync/booking-recheck.js';

const DAY = 24 * 60 * 60 * 1000;

export interface CentralServiceOptions {
  config: CentralConfig;
  store: CentralStore;
  logger: Logger;
  now?: () => number;
  /** The built booking page; none in tests that do not need it. */
  webRoot?: string;
  /** How often names and phones past retention are cleared; 0 turns the timer off (tests call it). */
  retentionEveryMs?: number;
  /** Several nodes: Socket.IO through Redis, so a booking made here nudges an office linked elsewhere. */
  cluster?: RedisCluster;
  /** The database's reachability for /healthz (the PostgreSQL store's ping). */
  databaseUp?: () => Promise<boolean>;
}

export interface CentralService {
  httpServer: HttpServer;
  io: Server;
  store: CentralStore;
  listen(port: number, host?: string): Promise<number>;
  /** Clears personal data past the retention period now; answers how many bookings were cleared. */
  applyRetention(): Promise<number>;
  close(): Promise<void>;
}

/** Builds the central service on real parts; `main.ts` chooses the store and where to listen. */
export async function createCentralService(options: CentralServiceOptions): Promise<CentralService> {
  const { config, store, logger } = options;
  const now = options.now ?? (() => Date.now());
  const offices = await loadOfficeDirectory(store);
  const limits = config.limits;
  const refusals = createRefusalLog(logger.child({ area: 'edge' }), { everyMs: limits.refusalLogSeconds * 1000, maxSources: 1000 });
  const attempts = (max: number) => createFailureCounter({ max, windowMs: limits.guessWindowMinutes * 60_000, maxTracked: limits.trackedAddresses, now });
  const bookingGuesses = attempts(limits.bookingGuessesPerAddress);
  const handshakeFailures = attempts(limits.officeHandshakeFailuresPerAddress);

  const httpServer = createLimitedServer(limits);
  capConnectionsPerAddress(httpServer, { max: () => limits.maxConnectionsPerAddress, trustedProxies: limits.trustedProxies, refusals });
  const addressOf = (request: IncomingMessage) => clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], limits.trustedProxies);
  // Every Engine.IO handshake counts, key or not: 150,000 of them in 12 s, none joining a
  // namespace, took a node from 134 to 907 MiB before this.
  const sessions = createSocketSessions({
    limits: () => ({
      attemptsPerAddress: limits.connectAttemptsPerAddress,
      attemptWindowMs: limits.connectAttemptWindowSeconds * 1000,
      sessionsPerAddress: limits.socketSessionsPerAddress,
      trackedAddresses: limits.trackedAddresses,
      connectTimeoutMs: limits.connectTimeoutMs,
    }),
    addressOf,
    refusals,
    // Wall time, not the service's clock (a test's may stand still): the window is about real traffic.
    now: () => Date.now(),
  });
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: limits.maxMessageBytes,
    pingInterval: 20_000,
    pingTimeout: 15_000,
    // A session that has not joined a namespace by then is dropped (Socket.IO's default is 45 s).
    connectTimeout: limits.connectTimeoutMs,
    // Before any Socket.IO work: an address that keeps failing the office handshake, or past its new
    // or open connections, is turned away at the door, and a browser page from another site may not
    // open a socket here at all.
    allowRequest: socketDoor({
      handshakeFailures,
      refusals,
      addressOf,
      allowedOrigins: () => config.booking.allowedOrigins,
      blockedReason: 'office-handshake-limit',
      sessions,
      refusalDelayMs: () => limits.connectRefusalDelayMs,
    }),
  });
  sessions.watch(io.engine);
  if (options.cluster) io.adapter(options.cluster.adapter);
  const officeNsp = io.of(OFFICE_NAMESPACE) as unknown as OfficeNamespace;
  // Nudges go to this node's own offices directly and to other nodes as a server-side message:
  // with Redis down the local ones still arrive (a plain broadcast would wait on Redis).
  const clusterNsp = officeNsp as unknown as { serverSideEmit(event: string, ...args: unknown[]): boolean; on(event: string, listener: (...args: unknown[]) => void): void };
  const nudgeHere = (officeId: string, version: number) => officeNsp.local.to(officeRoom(officeId)).emit('bookings:changed', { version });
  const recheck = createBookingRecheck({ versions: (ids) => store.bookingsVersions(ids), nudge: nudgeHere });
  const runRecheck = () =>
    void recheck.check().catch((error: unknown) => logger.warn({ err: error }, 'could not recheck the offices\' booking versions; trying again on the next round'));
  const recheckTimer = setInterval(runRecheck, config.booking.changesRecheckSeconds * 1000);
  recheckTimer.unref();
  // Redis back after an outage: what it dropped meanwhile is found now, not a round later.
  options.cluster?.onReconnect(runRecheck);
  let directoryTimer: NodeJS.Timeout | undefined;
  if (options.cluster) {
    clusterNsp.on('talon:nudge', (officeId, version) => {
      if (typeof officeId === 'string' && typeof version === 'number') nudgeHere(officeId, version);
    });
    // One link per office across nodes: a node that links an office unlinks it everywhere else.
    officeNsp.on('connection', (socket) => clusterNsp.serverSideEmit('talon:unlink', socket.data.officeId, socket.id));
    clusterNsp.on('talon:unlink', (officeId, socketId) => {
      if (typeof officeId !== 'string') return;
      for (const id of officeNsp.adapter.rooms.get(officeRoom(officeId)) ?? []) if (id !== socketId) officeNsp.sockets.get(id)?.disconnect(true);
    });
    clusterNsp.on('talon:office', (officeId, summary) => {
      if (typeof officeId === 'string' && summary && typeof summary === 'object') offices.remember(officeId, summary as OfficeSummary);
    });
    // A summary sent while Redis was down reaches the other nodes from the database instead.
    directoryTimer = setInterval(() => void offices.reload().catch(() => {}), 60_000);
    directoryTimer.unref();
  }
  const bookings = createCentralBookings({
    store,
    offices,
    now,
    daysAhead: () => config.booking.daysAhead,
    maxActivePerPhone: () => config.booking.maxActivePerPhone,
    logger: logger.child({ area: 'booking' }),
    nudgeOffice: (officeId) => {
      void store.bookingsVersion(officeId).then(
        (version) => {
          nudgeHere(officeId, version);
          if (options.cluster) clusterNsp.serverSideEmit('talon:nudge', officeId, version);
        },
        (error: unknown) => logger.warn({ err: error, officeId }, 'could not nudge office'),
      );
    },
  });
  const checkPhoneToken = createPhoneTokenCheck({ config: () => config, offices, now });
  const nudgeChannels = await createNudgeChannels(config.phone, store);
  const nudges = createNudgeService({
    store,
    channels: nudgeChannels.channels,
    now,
    logger: logger.child({ area: 'nudges' }),
    maxPerTicket: () => config.phone.maxNudgesPerTicket,
    pushEndpointAllowed: nudgeChannels.pushEndpointAllowed,
    ...(config.phone.sms && { smsConsentText: config.phone.sms.consentText }),
  });
  const phones = setUpPhoneNamespace(io.of(PHONE_NAMESPACE) as unknown as PhoneNamespace, {
    checkToken: checkPhoneToken,
    onStatuses: (officeId, statuses) =>
      void nudges.statusesArrived(officeId, statuses).catch((error: unknown) => logger.warn({ err: error, officeId }, 'nudges not checked')),
    statuses: createPhoneStatuses(() => config.phone.maxTicketStatuses),
    isLinked: (officeId) => isOfficeLinked(officeNsp, officeId),
    logger: logger.child({ area: 'phone' }),
  });
  setUpOfficeNamespace(officeNsp, {
    phones,
    store: {
      ...store,
      // Keep the in-memory directory in step with what offices say about themselves.
      officeHello: async (officeId, summary, at) => {
        const answer = await store.officeHello(officeId, summary, at);
        offices.remember(officeId, summary);
        // The other nodes' booking pages must offer this office too (an unchanged summary they hold).
        if (options.cluster && answer.summaryChanged) clusterNsp.serverSideEmit('talon:office', officeId, summary);
        return answer;
      },
    },
    config: () => config,
    logger: logger.child({ area: 'sync' }),
    now,
    handshakeFailures,
    refusals,
    recheck,
  });
  const remote = createRemoteQueue({
    store,
    offices,
    config: () => config,
    logger: logger.child({ area: 'remote' }),
    now,
    joins: createFailureCounter({ max: limits.remoteJoinsPerAddress, windowMs: limits.remoteJoinWindowMinutes * 60_000, maxTracked: limits.trackedAddresses, now }),
    // On one node the office's link is here or nowhere; with several, another node may hold it.
    reachable: (officeId) => isOfficeLinked(officeNsp, officeId) || options.cluster !== undefined,
    async askOffice(officeId, event, payload, timeoutMs) {
      const here = isOfficeLinked(officeNsp, officeId);
      const target = here ? officeNsp.local.to(officeRoom(officeId)) : officeNsp.to(officeRoom(officeId));
      try {
        const answers = (await (target.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown[]> }).emitWithAck(event, payload));
        return answers[0];
      } catch (error) {
        logger.warn({ err: error, officeId, event }, 'the office did not answer in time');
        return undefined;
      }
    },
  });
  // Every event on every namespace passes a bucket per connection first, known events or not
  // (one anonymous /phone socket sent 559,200 in 8 s, none refused, before this).
  // Central reads its config once: each namespace's limits are made once, not at every event.
  const eventLimits = (perSecond: number, burst: number): (() => EventLimits) => {
    const fixed: EventLimits = { perSecond, burst, refusalsBeforeDisconnect: limits.eventRefusalsBeforeDisconnect };
    return () => fixed;
  };
  const buckets = [
    { nsp: io.of(OFFICE_NAMESPACE), role: 'office', limits: eventLimits(limits.officeEventsPerSecond, limits.officeEventBurst) },
    { nsp: io.of(PHONE_NAMESPACE), role: 'phone', limits: eventLimits(limits.phoneEventsPerSecond, limits.phoneEventBurst) },
  ];
  for (const { nsp, role, limits: bucket } of buckets)
    nsp.on('connection', (socket) =>
      limitSocketEvents(socket, { limits: bucket, now: () => Date.now(), refusals, source: `${role}:${clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], limits.trustedProxies)}` }),
    );
  io.of('/').use((_socket, next) => {
    const refused = authorise({ role: 'anyone' }, '/ connect');
    next(refused.ok ? undefined : Object.assign(new Error('forbidden'), { data: { code: 'forbidden', message: 'offices connect to /office, phone pages to /phone' } }));
  });
  httpServer.on(
    'request',
    createCentralHttpHandler({ bookings, offices, store, config: () => config, logger: logger.child({ area: 'http' }), now, officesLinked: () => officeNsp.sockets.size,
      bookingGuesses,
      nudgeRequests: {
        perAddress: createFailureCounter({ max: limits.nudgesPerAddress, windowMs: limits.nudgeWindowMinutes * 60_000, maxTracked: limits.trackedAddresses, now }),
        perTicket: createFailureCounter({ max: limits.nudgeRequestsPerTicket, windowMs: limits.nudgeWindowMinutes * 60_000, maxTracked: limits.trackedAddresses, now }),
      },
      arrivals: {
        perAddress: createFailureCounter({ max: limits.remoteArrivalsPerAddress, windowMs: limits.remoteArrivalWindowMinutes * 60_000, maxTracked: limits.trackedAddresses, now }),
        perTicket: createFailureCounter({ max: limits.remoteArrivalsPerTicket, windowMs: limits.remoteArrivalWindowMinutes * 60_000, maxTracked: limits.trackedAddresses, now }),
      },
      refusals,
      checkPhoneToken,
      nudges,
      nudgeOffer: nudgeChannels.offer,
      remote,
      questionnaire: createQuestionnaireService({ store, now }),
      questionnaireSubmissions: attempts(limits.questionnaireAnswersPerAddress),
      quality: createQualityHttp({ offices, store, config: () => config, now, logins: { perAddress: attempts(limits.qualityLoginFailuresPerAddress), perLogin: attempts(limits.qualityLoginFailuresPerLogin) }, refusals }),
      dependencies: async () => ({
        ...(options.databaseUp && { database: (await options.databaseUp()) ? 'up' : 'down' }),
        ...(options.cluster && { redis: options.cluster.up() ? 'up' : 'down' }),
      }),
      ...(options.webRoot && { webRoot: options.webRoot }) }),
  );

  const applyRetention = async () => {
    const cleared = await store.forgetPersonalData(now() - config.personalData.retentionDays * DAY);
    if (cleared > 0) logger.info({ cleared }, 'names and phone numbers past retention cleared');
    // Account keys (HMACs) are kept for the longest repeat window of any office and a day more,
    // as the office keeps them; their days are counted first, so repeats outlive the keys.
    const windowDays = Math.max(30, ...offices.all().map(([, s]) => s.quality?.repeatWindowDays ?? 30));
    const keys = await forgetAccountKeys(store, offices.all(), now() - (windowDays + 2) * DAY, now());
    if (keys > 0) logger.info({ keys, windowDays }, 'account keys past the repeat window forgotten');
    // Nudges, with the phone numbers given for them, live for their office day only.
    let nudgesForgotten = 0;
    for (const office of config.offices) nudgesForgotten += await nudges.forgetBefore(office.id, officeDayOf(offices.get(office.id)?.timeZone ?? 'UTC', now()));
    if (nudgesForgotten > 0) logger.info({ nudges: nudgesForgotten }, 'nudges of past office days forgotten');
    // Places taken from home live for their office day too.
    for (const office of config.offices) await store.forgetRemoteJoins(office.id, officeDayOf(offices.get(office.id)?.timeZone ?? 'UTC', now()));
    await rollUpRecentReportDays(store, now(), logger.child({ area: 'reports' }));
    await countRecentQualityDays(store, offices.all(), now(), logger.child({ area: 'quality' }));
    return cleared;
  };
  const every = options.retentionEveryMs ?? 60 * 60 * 1000;
  const retentionTimer = every > 0 ? setInterval(() => void applyRetention().catch((error: unknown) => logger.error({ err: error }, 'retention failed')), every) : undefined;
  retentionTimer?.unref();

  let closed = false;
  return {
    httpServer,
    io,
    store,
    applyRetention,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen({ port, host, backlog: limits.listenBacklog }, () => {
          httpServer.off('error', reject);
          void applyRetention().catch(() => {});
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retentionTimer) clearInterval(retentionTimer);
      refusals.close();
      if (directoryTimer) clearInterval(directoryTimer);
      clearInterval(recheckTimer);
      // Every wait is bounded and the sum stays under main.ts's 4.5 s hard exit, so the store's
      // flush (SQLite's due group, PostgreSQL's open groups and pool) always gets its turn.
      // Offices and phones are let go first, so no new push starts while the store drains; they
      // reconnect to another node (or to this one restarted) and resend from their offsets. Their
      // connections are closed, not their namespaces left (`disconnectSockets`): a client told
      // `io server disconnect` does not reconnect, and an office would stay unlinked for good.
      for (const name of [OFFICE_NAMESPACE, PHONE_NAMESPACE]) for (const socket of io.of(name).sockets.values()) socket.conn.close();
      await within(500, new Promise<void>((resolve) => {
        const check = () => (io.engine.clientsCount === 0 ? resolve() : setTimeout(check, 10));
        check();
      }));
      // io.close() closes the HTTP server too and answers only when every connection has ended;
      // once a close begins Node stops enforcing headersTimeout, so a socket that sent half a
      // header line would hold the process for ever. The connections are cut right after it starts.
      const ioClosed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await within(1000, ioClosed);
      if (httpServer.listening) await within(500, new Promise<void>((resolve) => httpServer.close(() => resolve())));
      await within(2000, store.close());
      await within(300, options.cluster?.close());
    },
  };
}
