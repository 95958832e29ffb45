import { addDays, officeDayOf } from '@talon/domain';
import type { OfficeConfig } from '@talon/protocol';
import { lanBaseUrl } from './http/lan-base-url.js';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { capConnectionsPerAddress, createLimitedServer, clientAddress, createSocketSessions, socketDoor, within, type EventLimits } from '@talon/server-edge';
import { createOfficeEdge } from './edge/office-edge.js';
import { Server } from 'socket.io';
import { createSessions } from './auth/sessions.js';
import { createBookingDesk } from './bookings/booking-desk.js';
import type { DeviceAgent } from '@talon/device-agent';
import type { Clock } from './clock.js';
import { officeSetupFromConfig } from './config/office-setup-from-config.js';
import { createDeviceHealth } from './devices/device-health.js';
import { createDaySchedules } from './staffing/day-schedules.js';
import { createDeviceSeenStore } from './devices/device-seen.js';
import { startEmbeddedAgent, type EmbeddedAgentOptions } from './devices/embedded-agent.js';
import { createHttpHandler } from './http/http-handler.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createConfigHolder, type OfficeContext } from './office-context.js';
import { createPrintDispatcher } from './printing/print-dispatcher.js';
import { createOfficeQueue, type OfficeQueue } from './queue/office-queue.js';
import { createWaitForecaster } from './queue/wait-forecaster.js';
import { startPersonalDataRetention } from './privacy/personal-data-retention.js';
import { startPressRetention } from './rating/press-retention.js';
import { createRatingPresses } from './rating/rating-presses.js';
import { createRatingWindows } from './rating/rating-windows.js';
import { setUpAdminNamespace } from './realtime/admin-namespace.js';
import { makeAccessFollowConfig } from './realtime/access-follows-config.js';
import { watchAbandonedDesks } from './realtime/abandoned-desks.js';
import { setUpBoardNamespace } from './realtime/board-namespace.js';
import { setUpDashboardNamespace } from './realtime/dashboard-namespace.js';
import { setUpDeviceNamespace } from './realtime/device-namespace.js';
import { identityOf, sessionHolds } from './realtime/handshake.js';
import { setUpKioskNamespace } from './realtime/kiosk-namespace.js';
import { setUpOperatorNamespace } from './realtime/operator-namespace.js';
import type { RealtimeOptions } from './realtime/realtime-options.js';
import { startStateBroadcasts } from './realtime/state-broadcasts.js';
import { createEventStore } from './storage/event-store.js';
import { accountKeyer } from './quality/account-key.js';
import { startAccountKeyRetention } from './quality/account-key-retention.js';
import { createQualityStore } from './quality/quality-store.js';
import { qualityRulesFromConfig } from './quality/quality-rules.js';
import { countClosedDays } from './quality/quality-view.js';
import { startSyncClient, type SyncClient, type SyncClientOptions } from './sync/sync-client.js';
import { openDatabase, type OfficeDatabase } from './storage/open-database.js';
import { createBoardStateReader } from './views/board-state.js';
import { centralLinkView } from './views/central-link.js';
import { phonePageUrlOf } from './sync/phone-page-url.js';
import { createDashboardStateReader } from './views/dashboard-state.js';

/** How often the last-seen time of devices still online is written down. */
const DEVICE_SEEN_WRITE_MS = 60_000;

export interface ApplicationOptions {
  config: OfficeConfig;
  databaseFile: string;
  clock: Clock;
  logger: Logger;
  /** Where admin changes are saved; none in tests. */
  saveConfig?: (config: OfficeConfig) => void;
  screensRoot?: string;
  /** The office's own announcer recordings, `<data dir>/voice/<lang>/<clip>.ogg`, over the shipped kit. */
  voiceDir?: string;
  demoTokens?: Record<string, string>;
  /** Per connection, instead of the config's `limits.eventsPerSecond`/`eventBurst`; null turns limiting off (benchmarks). */
  rateLimit?: Pick<EventLimits, 'perSecond' | 'burst'> | null;
  broadcastIntervals?: { screensMs: number; dashboardMs: number };
  /** The central booking service's link; none for an office on its own. */
  central?: SyncClientOptions;
  /** A device agent in this process for hardware wired to the server PC; started once listening. */
  agent?: EmbeddedAgentOptions;
  /** The data folder, where a `file:` printer (the demo's) may write; nowhere without it. */
  printerFileFolder?: string;
  /** How long a login lasts; 14 h unless a test needs to watch one end. */
  sessionLifetimeMs?: number;
}

export interface Application {
  httpServer: HttpServer;
  io: Server;
  context: OfficeContext;
  /** The central link, when one is configured. */
  sync?: SyncClient;
  /** The embedded device agent, once listening, when one is configured. */
  readonly agent: DeviceAgent | undefined;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Builds the whole office server on real parts; only `main.ts` decides where it listens. */
export function createApplication(options: ApplicationOptions): Application {
  const { clock, logger } = options;
  const db: OfficeDatabase = openDatabase(options.databaseFile);
  // The secret is read at each issue, so a config edit of it applies at once.
  const store = createEventStore(db, options.config.office.id, (n) => accountKeyer(context.directory.config.quality.accountKeySecret)(n));
  let queue: OfficeQueue | undefined;
  const daySchedules = createDaySchedules(db);
  // Accepted day plans from yesterday on: an office open past midnight still reads yesterday's.
  const dayLunches = () => daySchedules.lunchesFrom(addDays(officeDayOf(officeSetupFromConfig(config.directory.config).schedule, clock.now()), -1));
  const config = createConfigHolder(options.config, () => queue!, options.saveConfig, dayLunches);
  queue = createOfficeQueue({ store, setup: officeSetupFromConfig(options.config, dayLunches()), clock, logger: logger.child({ area: 'queue' }) });
  const devices = createDeviceHealth(clock, createDeviceSeenStore(db));
  // Last seen of devices still online, written now and then so a power cut loses little of it.
  const deviceSeenTimer = setInterval(() => devices.recordOnline(), DEVICE_SEEN_WRITE_MS);
  deviceSeenTimer.unref();
  const metrics = createMetrics();
  const limits = () => context.directory.config.limits;
  const edge = createOfficeEdge(options.config.limits, logger.child({ area: 'edge' }), () => clock.now());
  const context: OfficeContext = {
    get directory() {
      return config.directory;
    },
    queue,
    waits: createWaitForecaster(db, () => queue.state, () => clock.now()),
    db,
    clock,
    devices,
    metrics,
    logger,
    sessions: createSessions(db, () => clock.now(), options.sessionLifetimeMs),
    edge,
    printerFileFolder: options.printerFileFolder,
    daySchedules,
    refreshSetup: () => queue.replaceSetup(officeSetupFromConfig(config.directory.config, dayLunches())),
    applyConfig: (next, change) => config.applyConfig(next, change),
    onConfigChanged: (listener) => config.onConfigChanged(listener),
  };

  // Started last, once every namespace is in place; read by /healthz and the dashboard meanwhile.
  let sync: SyncClient | undefined;
  const centralLink = () => centralLinkView(sync);
  const refusals = edge.refusals;
  context.onConfigChanged((next) => edge.reconfigure(next.limits));
  /** Logout ends the session's open screens at once, not at their next connect. */
  function disconnectSession(session: string): void {
    for (const name of ['/operator', '/dashboard', '/admin'])
      for (const socket of io.of(name).sockets.values()) if (identityOf(socket).session === session) socket.disconnect(true);
  }
  /** Where phones on the office network reach this server, known once it listens. */
  let listenedBaseUrl: string | undefined;
  const httpServer = createLimitedServer(options.config.limits, createHttpHandler(context, {
    centralLink,
    screensRoot: options.screensRoot,
    ...(options.voiceDir && { voiceDir: options.voiceDir }),
    ...(options.demoTokens && { demoTokens: options.demoTokens }),
    startedAt: clock.now(),
    refusals,
    onLogout: disconnectSession,
  }));
  // A kiosk, board or console PC holds a handful of connections; thousands of idle sockets from one
  // address must not use up the open-file limit the real screens need.
  capConnectionsPerAddress(httpServer, { max: () => limits().maxConnectionsPerAddress, refusals });
  const addressOf = (request: { socket: { remoteAddress?: string } }) => clientAddress(request.socket.remoteAddress);
  // Every Engine.IO handshake counts, token or not: 160,000 of them in 12 s, none joining a
  // namespace, took the server from 106 to 958 MiB before this. Wall time, not the office clock
  // (a test's clock may stand still; the window is about real traffic).
  const sessions = createSocketSessions({
    limits: () => ({
      attemptsPerAddress: limits().connectAttemptsPerAddress,
      attemptWindowMs: limits().connectAttemptWindowSeconds * 1000,
      sessionsPerAddress: limits().socketSessionsPerAddress,
      trackedAddresses: limits().trackedKeys,
      connectTimeoutMs: limits().connectTimeoutMs,
    }),
    addressOf,
    refusals,
    now: () => Date.now(),
  });
  const io = new Server(httpServer, {
    // Above MAX_EVENT_BYTES, so an oversized command gets a `payload-too-large` answer rather than a cut line.
    maxHttpBufferSize: options.config.limits.maxMessageBytes,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // A session that has not joined a namespace by then is dropped (Socket.IO's default is 45 s).
    connectTimeout: options.config.limits.connectTimeoutMs,
    // Before any Engine.IO or namespace work: an address past its failed handshakes, its new
    // connections or its open ones, or a page of another site, is turned away at the door.
    allowRequest: socketDoor({
      handshakeFailures: { blocked: (a) => edge.handshakeFailures.blocked(a), fail: (a) => edge.handshakeFailures.fail(a), clear: (a) => edge.handshakeFailures.clear(a), get size() { return edge.handshakeFailures.size; } },
      refusals,
      addressOf,
      allowedOrigins: () => limits().allowedOrigins,
      blockedReason: 'handshake-limit',
      sessions,
      refusalDelayMs: () => limits().connectRefusalDelayMs,
    }),
  });
  sessions.watch(io.engine);
  context.onConfigChanged((next) => io.connectTimeout(next.limits.connectTimeoutMs));
  const realtime: RealtimeOptions = {
    router: {
      logger: logger.child({ area: 'realtime' }),
      metrics,
      // Read at each event, so an administrator's change applies to open connections too.
      eventLimits: () =>
        options.rateLimit === null
          ? null
          : {
              perSecond: options.rateLimit?.perSecond ?? limits().eventsPerSecond,
              burst: options.rateLimit?.burst ?? limits().eventBurst,
              refusalsBeforeDisconnect: limits().eventRefusalsBeforeDisconnect,
            },
      now: () => Date.now(),
      refusals,
      admit: (socket) => sessionHolds(socket, context),
    },
    // Read at each ticket, so an admin's change applies at once.
    publicUrl: () => context.directory.config.office.publicUrl ?? listenedBaseUrl,
    ...(options.central && { phonePageUrl: phonePageUrlOf(() => context.directory.config.office, options.central) }),
  };
  const boardState = createBoardStateReader(db);
  const dashboardState = createDashboardStateReader(db);
  const views = {
    boardState: () => boardState(context.directory, queue.state, clock.now()),
    dashboardState: () => dashboardState(context.directory, queue.state, devices, clock.now(), centralLink()),
    centralLink,
  };
  const ratings = createRatingWindows(io, context);
  const pressRetention = startPressRetention(createRatingPresses(db, () => clock.now()), clock, logger.child({ area: 'rating' }));
  const qualityStore = createQualityStore(db);
  const accountKeys = startAccountKeyRetention(
    qualityStore,
    clock,
    () => context.directory.config.quality.repeatWindowDays,
    () => {
      const rules = qualityRulesFromConfig(context.directory.config, queue.state.setup.schedule);
      const today = officeDayOf(queue.state.setup.schedule, clock.now());
      // From the first day not counted yet (history after an upgrade, days missed while the
      // server was off), at most a year and a bit back.
      const from = [qualityStore.firstUncountedDay() ?? today, addDays(today, -(rules.repeatWindowDays + 1))].sort()[0]!;
      const from400 = addDays(today, -400);
      countClosedDays(qualityStore, rules, { from: from < from400 ? from400 : from, to: addDays(today, -1) }, today, clock.now());
    },
    logger.child({ area: 'quality' }),
  );
  const personalData = startPersonalDataRetention(db, clock, () => context.directory.config.personalData.retentionDays, logger.child({ area: 'privacy' }));
  queue.onCommitted((events) => ratings.onCommitted(events));
  const printing = createPrintDispatcher(io, context);
  setUpKioskNamespace(io.of('/kiosk'), context, realtime, printing);
  setUpOperatorNamespace(io.of('/operator'), context, realtime);
  const abandonedDesks = watchAbandonedDesks(io.of('/operator'), context);
  setUpBoardNamespace(io.of('/board'), context, realtime, views.boardState);
  setUpDashboardNamespace(io.of('/dashboard'), context, realtime, views.dashboardState);
  setUpAdminNamespace(io.of('/admin'), context, realtime, createBookingDesk(context));
  makeAccessFollowConfig(io, context);
  setUpDeviceNamespace(io.of('/device'), context, realtime, ratings);
  const broadcasts = startStateBroadcasts(io, context, views, options.broadcastIntervals);
  sync = options.central ? startSyncClient(context, options.central) : undefined;
  // The default namespace has no role: nobody may connect to it.
  io.of('/').use((_socket, next) => next(Object.assign(new Error('forbidden'), { data: { code: 'forbidden', message: 'connect to a role namespace such as /kiosk' } })));

  let closed = false;
  let agent: DeviceAgent | undefined;
  return {
    httpServer,
    io,
    context,
    ...(sync && { sync }),
    get agent() {
      return agent;
    },
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const bound = (httpServer.address() as AddressInfo).port;
          const lan = lanBaseUrl(bound, host);
          listenedBaseUrl = lan.url;
          if (!lan.reachable && !context.directory.config.office.publicUrl) {
            logger.warn({ qr: lan.url }, 'no LAN address: ticket QR codes point at this machine only; set office.publicUrl');
          }
          if (options.agent && !agent) agent = startEmbeddedAgent({ ...options.agent, printerFileFolder: options.printerFileFolder }, bound, host, logger);
          resolve(bound);
        });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      // A stop must be quick (a service manager kills after its timeout): print jobs still out are
      // reported to their kiosks as not printed, and the embedded agent gets a bounded time.
      printing.abandonAll();
      await within(2000, agent?.stop());
      broadcasts.stop();
      clearInterval(deviceSeenTimer);
      abandonedDesks.stopAll();
      sync?.stop();
      ratings.closeAll();
      pressRetention.stop();
      personalData.stop();
      accountKeys.stop();
      // Disconnected one by one first: unlike io.close(), that lets each socket's last packets (the
      // not-printed results above) leave before the connection is closed.
      for (const name of ['/kiosk', '/operator', '/board', '/dashboard', '/admin', '/device']) io.of(name).disconnectSockets(true);
      await within(500, new Promise<void>((resolve) => {
        const check = () => (io.engine.clientsCount === 0 ? resolve() : setTimeout(check, 10));
        check();
      }));
      // io.close() closes the HTTP server too, and answers only once every connection has ended:
      // a browser's keep-alive connection (a screen's page, a clip it is playing) would hold it
      // until the browser lets go. So the connections are cut right after it starts, not after.
      const ioClosed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await within(2000, ioClosed);
      if (httpServer.listening) await within(2000, new Promise<void>((resolve) => httpServer.close(() => resolve())));
      edge.close();
      db.close();
    },
  };
}
