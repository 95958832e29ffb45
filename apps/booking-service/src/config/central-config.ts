import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatPath, idField } from '@talon/protocol';

const secretHash = z.string().regex(/^sha256\$[0-9a-f]{64}$/, 'sha256$ and 64 hex digits');

/** The central service's config file: which offices may sync, who may read reports, how long phones are kept. */
export const centralConfigSchema = z.strictObject({
  offices: z
    .array(
      z.strictObject({
        id: idField,
        keyHash: secretHash,
        /** The region the office belongs to: a regional quality user sees its region's offices only. */
        region: z.string().trim().min(1).max(100).optional(),
      }),
    )
    .min(1),
  /**
   * The quality department's people (central's quality view and monthly report). Without
   * `regions` a user sees every office; with them, only those regions' offices. Passwords are
   * scrypt hashes: `npm run hash-password -- 'password'`.
   */
  qualityUsers: z
    .array(
      z.strictObject({
        login: idField,
        name: z.string().trim().min(1).max(200),
        passwordHash: z.string().regex(/^scrypt\$/, 'a scrypt hash (npm run hash-password)'),
        regions: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
      }),
    )
    .default([]),
  reportTokens: z.array(z.strictObject({ name: z.string().min(1).max(100), tokenHash: secretHash })).default([]),
  /**
   * Who holds visitors' personal data (the operator under 152-FZ): named in the booking page's
   * consent, with a link to its privacy policy. Without it the consent names nobody.
   */
  company: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      nameEn: z.string().trim().min(1).max(200).optional(),
      privacyPolicyUrl: z.string().regex(/^https?:\/\/\S+$/, 'an http(s) URL').max(500).optional(),
    })
    .optional(),
  personalData: z
    .strictObject({
      /** Names and phone numbers are cleared this many days after the slot. */
      retentionDays: z.number().int().min(1).max(3650).default(30),
    })
    .prefault({}),
  booking: z
    .strictObject({
      /** How far ahead a visitor may book, and how far ahead offices receive bookings. */
      daysAhead: z.number().int().min(1).max(90).default(14),
      /** Upcoming bookings one phone number may hold at once: a bot cannot empty a day's slots. */
      maxActivePerPhone: z.number().int().min(1).max(50).default(3),
      /** Web origins whose pages may call the API from the browser (the company's website). */
      allowedOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://example.ru')).default([]),
      /**
       * How often each node checks, in one query for all offices linked to it, whether an office has
       * booking changes it has not been told of: the longest a booking waits when its nudge was lost
       * on the way through Redis (down or restarted). One indexed lookup per linked office each time.
       */
      changesRecheckSeconds: z.number().min(0.1).max(3600).default(20),
    })
    .prefault({}),
  /** What one client may cost the service; the defaults fit a company's central (README: Limits). */
  limits: z
    .strictObject({
      /** Open TCP connections in all (Node's `server.maxConnections`). */
      maxConnections: z.number().int().min(10).max(1_000_000).default(10_000),
      /**
       * Connections the kernel holds for this node before it accepts them (`listen` backlog; Linux
       * caps it at net.core.somaxconn). When a node dies its offices all reconnect to the others
       * within a second or two: with Node's 511 the queue overflowed, connects through nginx timed
       * out and nginx took the surviving node for dead too.
       */
      listenBacklog: z.number().int().min(16).max(65_535).default(4096),
      /** Open connections from one address: a café's NAT is a few dozen, a flood of idle sockets is thousands. */
      maxConnectionsPerAddress: z.number().int().min(1).max(100_000).default(200),
      /** A request's headers must arrive within this (Node's `headersTimeout`): slow-header sockets go. */
      headersTimeoutMs: z.number().int().min(1000).max(300_000).default(10_000),
      /** A whole request must arrive within this (Node's `requestTimeout`). */
      requestTimeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
      /** An idle keep-alive connection is closed after this. */
      keepAliveTimeoutMs: z.number().int().min(1000).max(600_000).default(5_000),
      /** Failed booking look-ups and cancels (wrong code or wrong phone digits) one address may make per window. */
      bookingGuessesPerAddress: z.number().int().min(1).max(10_000).default(10),
      /** Failed `/office` handshakes (unknown office, wrong key) one address may make per window. */
      officeHandshakeFailuresPerAddress: z.number().int().min(1).max(10_000).default(10),
      /** Failed quality-view logins one address may make per window. */
      qualityLoginFailuresPerAddress: z.number().int().min(1).max(10_000).default(10),
      /**
       * Failed quality-view logins on one login (trimmed, lower-cased) per window, from any
       * addresses: guesses spread over many addresses still stop. The user waits the window out.
       */
      qualityLoginFailuresPerLogin: z.number().int().min(1).max(1000).default(8),
      /** "Join today's queue" requests one address may make per `remoteJoinWindowMinutes` (a retry of the same request is free). */
      remoteJoinsPerAddress: z.number().int().min(1).max(10_000).default(5),
      remoteJoinWindowMinutes: z.number().int().min(1).max(1440).default(60),
      /**
       * «Я на месте» presses (`POST /api/phone/<token>/arrived`) one address may make per arrival
       * window. Each one is a question put to the office over its link, so a script with one token
       * must not keep the office busy; a hall's Wi-Fi is one address for every visitor arriving.
       */
      remoteArrivalsPerAddress: z.number().int().min(1).max(100_000).default(30),
      /** «Я на месте» presses one ticket may make per arrival window (a visitor needs one, or a few if out of range). */
      remoteArrivalsPerTicket: z.number().int().min(1).max(1000).default(10),
      /** The window the two arrival counts are kept for. */
      remoteArrivalWindowMinutes: z.number().int().min(1).max(1440).default(10),
      /**
       * Questionnaire submissions (kept or refused) one address may make per window: a hall's guest
       * Wi-Fi is one address for a whole office, so this is generous; a script is stopped.
       */
      questionnaireAnswersPerAddress: z.number().int().min(1).max(10_000).default(30),
      /**
       * Nudge requests (`POST /api/phone/<token>/nudges`) one address may make per nudge window:
       * each nudge may cost the company an SMS or two. A hall's shared Wi-Fi is one address, and its
       * visitors ask for a nudge or two each, a few a minute at the busiest.
       */
      nudgesPerAddress: z.number().int().min(1).max(100_000).default(20),
      /** Nudge requests one ticket's page may make per nudge window (it needs one or two; `phone.maxNudgesPerTicket` caps those kept). */
      nudgeRequestsPerTicket: z.number().int().min(1).max(1000).default(10),
      /** The window the two nudge counts are kept for. */
      nudgeWindowMinutes: z.number().int().min(1).max(1440).default(10),
      /** The window the guess, login and questionnaire counts above are kept for. */
      guessWindowMinutes: z.number().int().min(1).max(1440).default(10),
      /** Addresses the counters remember at most (least recently seen dropped first). */
      trackedAddresses: z.number().int().min(100).max(10_000_000).default(100_000),
      /** Reverse proxies (nginx) whose X-Forwarded-For names the client; the connection caps skip them. */
      trustedProxies: z.array(z.string().min(2).max(64)).default([]),
      /**
       * `events:push` taken by this node and waiting for the store, past which new pushes are
       * answered `unavailable` at once (the office keeps its outbox and retries with backoff). A
       * queue is cheap while the store keeps up: the group commits take everything waiting in one
       * transaction, so a burst makes bigger groups, not more of them, and shedding it only sends
       * offices into a backoff of seconds (on a loaded bench, 2,000 with a 1 s lag limit left
       * SQLite 249 events/s where no refusals gave 1,320/s). 20,000 is twice the offices one node
       * holds when the other is down: it bounds the memory of a flood (an office pushing without
       * waiting for its acks).
       */
      maxPushesWaiting: z.number().int().min(1).max(1_000_000).default(20_000),
      /**
       * Event-loop lag (99th percentile over the last second, ms) past which new `events:push` are
       * answered `unavailable` at once, so a node that far behind spends its time on the pushes it
       * took, on hellos and on the pings that keep its links up (a link whose pong is 15 s late is
       * dropped; an office whose ack is 15 s late sends its batch again). 10 s, a node about to
       * lose its links: below that the lag is mostly useful work (a SQLite group commit of
       * thousands of pushes runs in one go, a node starved by its neighbours waits for a core),
       * and shedding only adds the offices' backoff to their lag (bench/central-sync README).
       */
      maxEventLoopLagMs: z.number().int().min(1).max(60_000).default(10_000),
      /** Refusals are logged as one line per address and reason per this many seconds, with a count. */
      refusalLogSeconds: z.number().int().min(1).max(3600).default(60),
      /**
       * New Socket.IO connections (Engine.IO handshakes, polling or websocket, before any key or
       * token) one address may open per `connectAttemptWindowSeconds`; then it is refused at the
       * door until the window ends. Generous: a company's offices behind one NAT all reconnect at
       * once when a node dies, and a hall's guest Wi-Fi is one address for every visitor's phone
       * page (a phone reconnects each time its screen wakes).
       */
      connectAttemptsPerAddress: z.number().int().min(1).max(1_000_000).default(600),
      connectAttemptWindowSeconds: z.number().int().min(1).max(3600).default(60),
      /** Socket.IO connections (Engine.IO sessions) one address may hold open at once, as many as `maxConnectionsPerAddress`. */
      socketSessionsPerAddress: z.number().int().min(1).max(1_000_000).default(200),
      /** A connection that has not joined a namespace (sent its key or token) within this is dropped (Socket.IO's `connectTimeout`). */
      connectTimeoutMs: z.number().int().min(1000).max(60_000).default(5000),
      /**
       * A handshake refused at the door (the connection limits, a blocked address, a foreign origin)
       * is answered after this long, so a loop over keep-alive connections asks once per connection
       * per this, not thousands of times a second. 0 answers at once.
       */
      connectRefusalDelayMs: z.number().int().min(0).max(10_000).default(1000),
      /** Largest Socket.IO message (`maxHttpBufferSize`): an `events:push` of 200 events with room to spare; a bigger frame closes the link. */
      maxMessageBytes: z.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(2 * 1024 * 1024),
      /**
       * Events per second one `/office` link may send, counted whatever the event (a token bucket).
       * An office sends one `events:push` at a time and waits for its ack, plus a pull and a few
       * status batches: a few a second in a day's work, a few hundred at most while it catches up
       * on loopback; a real link's round trip keeps it lower.
       */
      officeEventsPerSecond: z.number().min(1).max(100_000).default(200),
      officeEventBurst: z.number().int().min(1).max(1_000_000).default(400),
      /** Events per second one `/phone` page may send (it watches a ticket or two, once per connect). */
      phoneEventsPerSecond: z.number().min(0.1).max(10_000).default(5),
      phoneEventBurst: z.number().int().min(1).max(100_000).default(20),
      /** Events refused on one connection before its bucket has once been full again, past which the connection is closed. */
      eventRefusalsBeforeDisconnect: z.number().int().min(1).max(1_000_000).default(200),
    })
    .prefault({}),
  postgres: z
    .strictObject({
      /** Connections each node holds when central runs on PostgreSQL (--database-url); 2 nodes x 10 fit PostgreSQL's default 100. */
      poolSize: z.number().int().min(1).max(200).default(10),
      /**
       * `events:push` group commit: the pushes that arrive together share one transaction and one
       * COMMIT (each acked after it), instead of a transaction and a WAL flush each.
       */
      groupCommit: z
        .strictObject({
          /** How long the first push of a group waits for others; 0 groups only those of one tick. 2 ms is nothing beside a push's round trip. */
          windowMs: z.number().int().min(0).max(1000).default(2),
          /** Pushes in one transaction at most: a group's locks are held until its COMMIT; under load bigger groups take more per COMMIT. */
          maxPushes: z.number().int().min(1).max(5000).default(500),
          /** Groups committing at once, each holding one connection of `poolSize` (at most poolSize - 1); pushes arriving meanwhile wait and join the next group. */
          concurrent: z.number().int().min(1).max(100).default(4),
        })
        .prefault({}),
    })
    .prefault({}),
  phone: z
    .strictObject({
      /** Ticket statuses central keeps in memory for phone pages; past it the stalest go first. */
      maxTicketStatuses: z.number().int().min(100).max(10_000_000).default(200_000),
      /** Nudges one ticket may ask for (a page's web push and an SMS, with room for a second phone). */
      maxNudgesPerTicket: z.number().int().min(1).max(20).default(3),
      webPush: z
        .strictObject({
          enabled: z.boolean().default(true),
          /** Who runs this push sender, for push services to reach (VAPID `sub`): mailto: or https:. */
          subject: z.string().regex(/^(mailto:|https:\/\/)\S+$/).default('mailto:queue@talon.invalid'),
          /**
           * Push services central may post to (a subscription names its endpoint, and central must
           * not post wherever a page says). `*.` matches any subdomain.
           */
          endpointHosts: z
            .array(z.string().min(1).max(200))
            .default(['fcm.googleapis.com', '*.push.services.mozilla.com', '*.notify.windows.com', '*.push.apple.com']),
          /** Plain-http endpoints (a test's local push service only). */
          allowHttpEndpoints: z.boolean().default(false),
        })
        .prefault({}),
      /**
       * The company's SMS gateway, plain HTTP: `{phone}` and `{text}` in `url` and `body` are
       * replaced (URL-encoded in the URL; JSON- or form-escaped in the body by `contentType`).
       * Absent: the page offers no SMS.
       */
      sms: z
        .strictObject({
          url: z.string().regex(/^https?:\/\/\S+$/),
          method: z.enum(['GET', 'POST']).default('POST'),
          headers: z.record(z.string().min(1).max(100), z.string().max(2000)).default({}),
          contentType: z.string().min(1).max(100).default('application/json'),
          body: z.string().max(4000).default('{"to":"{phone}","text":"{text}"}'),
          /** What the visitor agrees to before giving a number; shown on the page and stored with it. */
          consentText: z.string().min(10).max(1000).default('Я согласен(на), чтобы мой номер телефона использовался только для SMS об этом талоне сегодня; в конце дня номер будет удалён.'),
          timeoutMs: z.number().int().min(500).max(60_000).default(10_000),
        })
        .optional(),
    })
    .prefault({}),
});

export type CentralConfig = z.output<typeof centralConfigSchema>;

export class CentralConfigError extends Error {
  override name = 'CentralConfigError';
}

export function parseCentralConfig(value: unknown): CentralConfig {
  const result = centralConfigSchema.safeParse(value);
  if (result.success) return result.data;
  throw new CentralConfigError(result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
}

export function loadCentralConfig(file: string): CentralConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CentralConfigError(`${file}: ${(error as Error).message}`);
  }
  return parseCentralConfig(raw);
}
