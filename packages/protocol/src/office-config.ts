import { z } from 'zod';
import { DEFAULT_DAY_PLAN_RULES, DEFAULT_OFFICE_RULES, PAUSE_REASONS, TICKET_PREFIXES } from '@talon/domain';
import { configProblemOf, type ConfigIssue } from './config-issues.js';
import { dateField, idField } from './fields.js';
import { DEFAULT_PRINTER_NETWORK, printerNetworkEntryProblem, printerTargetProblem } from './printer-targets.js';

/**
 * The office's config file: one readable JSON document the administrator copies and edits, and
 * the admin screen edits live. Errors name the field, e.g. `desks[2].services[0]`.
 */

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');
const hours = z
  .object({ open: localTime, close: localTime })
  .refine((h) => h.open < h.close, { message: 'open must be before close', params: { problem: 'open-before-close' } });
const text = z.string().trim().min(1).max(200);
/** A calendar date that exists: "2026-02-30" is refused, not quietly never matched. */
const localDate = dateField;

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** What the desk must record before finishing a visit; both off by default (the console only offers them). */
const finishRequiresConfig = z
  .object({ outcome: z.boolean().default(false), documentCheck: z.boolean().default(false) })
  .optional();

const serviceConfig = z.object({
  id: idField,
  name: text,
  nameEn: text.optional(),
  hint: text.optional(),
  hintEn: text.optional(),
  prefix: z.enum(TICKET_PREFIXES, {
    message: `one of ${TICKET_PREFIXES.join(' ')} (Latin look-alikes of Cyrillic letters)`,
  }),
  groupId: idField.optional(),
  normMinutes: z.number().positive().max(240),
  askAccountNumber: z.boolean().default(false),
  bookable: z.boolean().default(true),
  bookingSlotMinutes: z.number().int().min(5).max(240).default(15),
  /** How many visitors one slot takes on-line. */
  bookingCapacityPerSlot: z.number().int().min(0).max(50).default(1),
  outcomes: z
    .array(
      z.object({
        id: idField,
        name: text,
        nameEn: text.optional(),
        /** The quality programme counts visits finished with this outcome as complaints ("претензия"). */
        complaint: z.boolean().default(false),
      }),
    )
    .default([]),
  /** `outcome`: «Завершить» waits for an outcome; `documentCheck`: a priority visitor's document check is recorded first. */
  finishRequires: finishRequiresConfig,
  /**
   * Present: visitors may take today's place in this service's line from central's booking page
   * ("join today's queue"). `{}` takes the defaults.
   */
  remoteQueue: z
    .object({
      /** Places taken from home that may wait (not yet called) at once for this service. */
      maxWaiting: z.number().int().min(1).max(500).default(10),
      /** No place is taken from home this many minutes before the office closes. */
      cutOffMinutes: z.number().int().min(0).max(720).default(60),
    })
    .optional(),
});

const deskServiceConfig = z.union([
  idField.transform((serviceId) => ({ serviceId, weight: 1 })),
  z.object({ serviceId: idField, weight: z.number().positive().max(100).default(1) }),
]);

const deskConfig = z.object({
  id: idField,
  number: z.number().int().min(1).max(999),
  name: text,
  /** The desk's name on English views («Desk 3»); the Russian `name` where absent. */
  nameEn: text.optional(),
  services: z.array(deskServiceConfig).min(1),
  servicePolicy: z.enum(['order', 'weighted']).default('weighted'),
});

export const OPERATOR_ROLES = ['operator', 'head', 'admin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

const operatorConfig = z.object({
  id: idField,
  name: text,
  login: z.string().trim().min(2).max(64).regex(/^[a-z0-9_.-]+$/, 'lower-case letters, digits and _ . - only'),
  passwordHash: z.string().regex(/^scrypt\$/, 'a scrypt hash (scrypt$...); run `npm run hash-password`'),
  roles: z.array(z.enum(OPERATOR_ROLES)).min(1).default(['operator']),
});

export const BOARD_VOICES = ['kit', 'browser', 'off'] as const;
export type BoardVoice = (typeof BOARD_VOICES)[number];

export const DEVICE_ROLES = ['kiosk', 'board', 'agent'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

const deviceConfig = z.object({
  id: idField,
  name: text,
  role: z.enum(DEVICE_ROLES),
  tokenHash: z.string().regex(/^sha256\$[0-9a-f]{64}$/, 'sha256$ and 64 hex digits'),
});

const printerConfig = z.object({
  id: idField,
  /** The kiosk whose tickets this printer prints. */
  kioskId: idField,
  /** The device agent the printer is plugged into. */
  agentId: idField,
  uri: z.string().min(1).max(300),
  profile: idField.default('generic-80mm'),
});

const ratingButtonConfig = z.object({
  deskId: idField,
  agentId: idField,
  /** Explicit, e.g. /dev/serial/by-id/usb-Talon_Rating_Button-if00; never discovered. */
  path: z.string().min(1).max(300),
  deviceId: z.number().int().min(1).max(247),
});

const rulesConfig = z.object({
  waitingStandardMinutes: z.number().positive().max(480).default(DEFAULT_OFFICE_RULES.waitingStandardMinutes),
  /** Anyone waiting longer than this is called before bookings and walk-ins; 2x the standard when absent. */
  waitingHardLimitMinutes: z.number().positive().max(1440).optional(),
  /** A walk-in this many minutes or less from the standard goes before the desk's service order; a third of the standard when absent, 0 off. */
  waitingNearStandardMinutes: z.number().min(0).max(480).optional(),
  bookingStandardMinutes: z.number().positive().max(120).default(DEFAULT_OFFICE_RULES.bookingStandardMinutes),
  maxPriorityCallsInRow: z.number().int().min(1).max(50).default(DEFAULT_OFFICE_RULES.maxPriorityCallsInRow),
  recallLimit: z.number().int().min(0).max(10).default(DEFAULT_OFFICE_RULES.recallLimit),
  bookingCheckInEarlyMinutes: z.number().int().min(0).max(240).default(DEFAULT_OFFICE_RULES.bookingCheckInEarlyMinutes),
  bookingLateGraceMinutes: z.number().int().min(0).max(240).default(DEFAULT_OFFICE_RULES.bookingLateGraceMinutes),
  serviceTimeSampleSize: z.number().int().min(1).max(500).default(DEFAULT_OFFICE_RULES.serviceTimeSampleSize),
  /** The rating button's window closes by itself after this long. */
  ratingWindowSeconds: z.number().int().min(5).max(600).default(60),
  /**
   * A desk whose operator's console dropped (and did not come back) closes after this long; its
   * visitor goes back to the queue in their place. A fraction is allowed (tests use a second).
   */
  abandonedDeskGraceMinutes: z.number().positive().max(480).default(10),
}).refine((r) => r.waitingHardLimitMinutes === undefined || r.waitingHardLimitMinutes >= r.waitingStandardMinutes, {
  message: 'waitingHardLimitMinutes must not be shorter than waitingStandardMinutes',
  params: { problem: 'hard-limit-short' },
  path: ['waitingHardLimitMinutes'],
}).refine((r) => r.waitingNearStandardMinutes === undefined || r.waitingNearStandardMinutes <= r.waitingStandardMinutes, {
  message: 'waitingNearStandardMinutes must not be longer than waitingStandardMinutes',
  params: { problem: 'near-standard-long' },
  path: ['waitingNearStandardMinutes'],
});

export const officeConfigSchema = z
  .object({
    office: z.object({
      id: idField,
      name: text,
      /** The office's name and address on English views and the English booking page; the Russian ones where absent. */
      nameEn: text.optional(),
      address: text.optional(),
      addressEn: text.optional(),
      timeZone: z.string().refine(isKnownTimeZone, { message: 'an IANA time zone such as Europe/Moscow', params: { problem: 'unknown-time-zone' } }),
      /** A demo office is open around the clock; real offices keep `hours`. */
      alwaysOpen: z.boolean().default(false),
      /** Base URL printed in tickets' QR codes; ASCII only. */
      publicUrl: z.string().regex(/^https?:\/\/[\x21-\x7e]+$/, 'an ASCII http(s) URL').optional(),
      /**
       * Central as a visitor's phone reaches it from the internet (https://queue.example.ru). With
       * a central link, the ticket's QR opens the ticket's live page there (`/p/<signed token>`);
       * without this, the link's own URL is used. No central link: the QR stays on `publicUrl`.
       */
      centralPublicUrl: z.string().regex(/^https?:\/\/[\x21-\x7e]+$/, 'an ASCII http(s) URL').optional(),
    }),
    /**
     * How a visitor with a place taken from home may confirm arrival from the phone page («Я на
     * месте»), besides the kiosk code: the phone is on the office's network (central sees one of
     * `publicAddresses`, the office's public IP addresses), or the phone's position (given only
     * if the visitor allows it) is within `radiusMeters` of `location`.
     */
    remoteArrival: z
      .object({
        publicAddresses: z.array(z.string().regex(/^[0-9a-fA-F.:]{2,45}$/, 'an IPv4 or IPv6 address')).max(20).default([]),
        location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
        radiusMeters: z.number().int().min(20).max(5000).default(150),
        /** A position less precise than this (metres) is not taken as proof. */
        maxAccuracyMeters: z.number().int().min(10).max(5000).default(100),
      })
      .prefault({}),
    hours: z.object(
      Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, hours.nullable().default(null)])) as Record<
        WeekdayKey,
        z.ZodDefault<z.ZodNullable<typeof hours>>
      >,
    ),
    holidays: z.array(localDate).default([]),
    /** Dates with their own hours: a pre-holiday day an hour shorter, a working Saturday. */
    specialDays: z
      .array(
        z
          .object({ date: localDate, open: localTime, close: localTime })
          .refine((d) => d.open < d.close, { message: 'open must be before close', path: ['close'], params: { problem: 'open-before-close' } }),
      )
      .default([]),
    issuing: z
      .object({
        fromMinutesBeforeOpen: z.number().int().min(0).max(120).default(0),
        untilMinutesBeforeClose: z.number().int().min(0).max(240).default(15),
      })
      .prefault({}),
    rules: rulesConfig.prefault({}),
    personalData: z
      .object({
        /** Account numbers, booked visitors' names and transfer comments are forgotten this many days after the visit. */
        retentionDays: z.number().int().min(1).max(3650).default(30),
      })
      .prefault({}),
    quality: z
      .object({
        /** The same account back for the same service within this many days is a repeat visit. */
        repeatWindowDays: z.number().int().min(1).max(365).default(30),
        /**
         * Key of the HMAC kept instead of the account number for the repeat window. Without it no
         * repeats are counted; a real office sets its own, long and random, and keeps it secret.
         */
        accountKeySecret: z.string().min(16, 'at least 16 characters').max(256).optional(),
      })
      .prefault({}),
    /** Guess limits (docs/protocol.md, "Limits"); sized for a real office's staff behind a few desks. */
    limits: z
      .object({
        /** Failed logins per normalised login ("Ivanova " = "ivanova") in `loginWindowMinutes`. */
        loginFailuresPerLogin: z.number().int().min(1).max(1000).default(8),
        /** Failed logins per client address in `loginWindowMinutes`, whatever the login. */
        loginFailuresPerAddress: z.number().int().min(1).max(10_000).default(30),
        loginWindowMinutes: z.number().int().min(1).max(1440).default(5),
        /** Most logins/addresses remembered; the least recently seen is dropped past it. */
        trackedKeys: z.number().int().min(100).max(1_000_000).default(10_000),
        /** Open TCP connections in all (Node's `server.maxConnections`); a real office has a few dozen screens. */
        maxConnections: z.number().int().min(10).max(100_000).default(2000),
        /** Open connections from one address: a kiosk, board or console PC holds a handful. */
        maxConnectionsPerAddress: z.number().int().min(2).max(10_000).default(50),
        /** A request's headers must arrive within this (Node's `headersTimeout`). */
        headersTimeoutMs: z.number().int().min(1000).max(300_000).default(10_000),
        /** A whole request must arrive within this (Node's `requestTimeout`). */
        requestTimeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
        /** An idle keep-alive HTTP connection is closed after this. */
        keepAliveTimeoutMs: z.number().int().min(1000).max(600_000).default(5_000),
        /** Largest Socket.IO message (`maxHttpBufferSize`); above the 64 KiB a command may be, so it is answered, not cut. */
        maxMessageBytes: z.number().int().min(128 * 1024).max(16 * 1024 * 1024).default(1024 * 1024),
        /** Failed handshakes (wrong device token, expired session) one address may make in `guessWindowMinutes`; then it is refused at the door. */
        handshakeFailuresPerAddress: z.number().int().min(1).max(10_000).default(20),
        /** Wrong booking codes one kiosk may send in `guessWindowMinutes`. */
        checkInGuessesPerKiosk: z.number().int().min(1).max(10_000).default(30),
        /** Wrong booking codes from one address in `guessWindowMinutes`, whatever the kiosk. */
        checkInGuessesPerAddress: z.number().int().min(1).max(10_000).default(30),
        /** Questionnaire answers (the ticket page's two questions) from one address in `guessWindowMinutes`: the office Wi-Fi is public. */
        questionnaireAnswersPerAddress: z.number().int().min(1).max(10_000).default(30),
        /** The window the handshake, booking-code and questionnaire counts above are kept for. */
        guessWindowMinutes: z.number().int().min(1).max(1440).default(10),
        /** Pages of other origins allowed to open Socket.IO connections (the server's own always may), e.g. "https://queue.energo.example". */
        allowedOrigins: z.array(z.string().regex(/^https?:\/\/[\x21-\x7e]+$/, 'an origin such as https://host:port')).max(50).default([]),
        /** Refusals are logged as one line per source and reason per this many seconds, with a count. */
        refusalLogSeconds: z.number().int().min(1).max(3600).default(60),
        /**
         * New Socket.IO connections (Engine.IO handshakes, polling or websocket, before any token)
         * one address may open per `connectAttemptWindowSeconds`; then it is refused at the door
         * until the window ends. A kiosk reconnecting opens a few a minute, a PC with the server,
         * its agent and a browser screen or two a dozen on a restart.
         */
        connectAttemptsPerAddress: z.number().int().min(1).max(100_000).default(120),
        connectAttemptWindowSeconds: z.number().int().min(1).max(3600).default(60),
        /** Socket.IO connections (Engine.IO sessions) one address may hold open at once, with or without a namespace. */
        socketSessionsPerAddress: z.number().int().min(1).max(10_000).default(50),
        /** A connection that has not joined a namespace (sent its token) within this is dropped (Socket.IO's `connectTimeout`). */
        connectTimeoutMs: z.number().int().min(1000).max(60_000).default(5000),
        /**
         * A handshake refused at the door (any of the limits above, a blocked address, a foreign
         * origin) is answered after this long, so a loop over keep-alive connections asks once per
         * connection per this, not thousands of times a second. 0 answers at once.
         */
        connectRefusalDelayMs: z.number().int().min(0).max(10_000).default(1000),
        /** Events per second each connection may send, counted whatever the event (a token bucket). */
        eventsPerSecond: z.number().min(1).max(10_000).default(20),
        /** Events a connection may send at once above the steady rate (the bucket's size). */
        eventBurst: z.number().int().min(1).max(100_000).default(40),
        /** Events refused on one connection before its bucket has once been full again, past which the connection is closed. */
        eventRefusalsBeforeDisconnect: z.number().int().min(1).max(1_000_000).default(200),
      })
      .prefault({}),
    metrics: z
      .object({
        /**
         * Bearer token for `GET /metrics`. Without it only this machine (loopback) may read the
         * figures; anyone else gets 404. With it, every caller must send `Authorization: Bearer <token>`.
         */
        token: z.string().min(16, 'at least 16 characters').max(256).optional(),
      })
      .prefault({}),
    /** The plan for tomorrow on the dashboard (README, "Plan for tomorrow"). */
    plan: z
      .object({
        /** The same weekday of this many past weeks is the history (holidays and special days left out). */
        historyWeeks: z.number().int().min(1).max(52).default(DEFAULT_DAY_PLAN_RULES.historyWeeks),
        /** Desks are counted so that this share of visitors is called within the standard. */
        targetShare: z.number().min(0.5).max(0.99).default(DEFAULT_DAY_PLAN_RULES.targetShare),
        /** Lunches are placed between these times. */
        lunchFrom: localTime.default(DEFAULT_DAY_PLAN_RULES.windowFrom),
        lunchUntil: localTime.default(DEFAULT_DAY_PLAN_RULES.windowTo),
        /** Lunch starts are tried this many minutes apart. */
        lunchStepMinutes: z.number().int().min(5).max(120).default(DEFAULT_DAY_PLAN_RULES.stepMinutes),
        /** A lunch's length for an operator with none in `breaks` that weekday. */
        lunchMinutes: z.number().int().min(10).max(180).default(DEFAULT_DAY_PLAN_RULES.defaultMinutes),
        /** Each lunch option is played on this many days drawn from the expected figures. */
        simulatedDays: z.number().int().min(1).max(30).default(DEFAULT_DAY_PLAN_RULES.simulatedDays),
      })
      .refine((p) => p.lunchFrom < p.lunchUntil, { message: 'lunchFrom must be before lunchUntil', path: ['lunchUntil'], params: { problem: 'open-before-close' } })
      .prefault({}),
    /** The hall board's voice (README, "The hall's voice"). */
    board: z
      .object({
        /** kit: Talon's clips (or the office's own recordings); browser: the device's speech voice; off: chime only. */
        voice: z.enum(BOARD_VOICES).default('kit'),
        /** The language the hall hears, whatever language the screen shows. */
        voiceLanguage: z.enum(['ru', 'en']).default('ru'),
      })
      .prefault({}),
    serviceGroups: z
      .array(z.object({ id: idField, name: text, nameEn: text.optional(), parentId: idField.optional() }))
      .default([]),
    services: z.array(serviceConfig).min(1),
    categories: z
      .array(
        z.object({ id: idField, name: text, nameEn: text.optional(), document: text, documentEn: text.optional(), finishRequires: finishRequiresConfig }),
      )
      .default([]),
    desks: z.array(deskConfig).min(1),
    operators: z.array(operatorConfig).min(1),
    breaks: z
      .array(
        z.object({
          operatorId: idField,
          from: localTime,
          to: localTime,
          reason: z.enum(PAUSE_REASONS as [string, ...string[]]),
          /** Weekdays the break applies on, e.g. ["sat"] for a short Saturday's lunch; all days when absent. */
          days: z.array(z.enum(WEEKDAY_KEYS)).min(1).optional(),
        }),
      )
      .default([]),
    devices: z.array(deviceConfig).default([]),
    /**
     * Where `tcp://` printers may be: CIDR ranges or host names as written in their URIs.
     * Loopback and the private ranges by default (see printer-targets.ts).
     */
    printerNetwork: z.array(z.string().min(1).max(253)).max(100).default([...DEFAULT_PRINTER_NETWORK]),
    printers: z.array(printerConfig).default([]),
    ratingButtons: z.array(ratingButtonConfig).default([]),
  })
  .superRefine((config, ctx) => {
    const unique = (items: { id: string }[], path: string) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `duplicate id "${item.id}"`, params: { problem: 'duplicate-id', value: item.id } });
        seen.add(item.id);
      });
      return seen;
    };
    const services = unique(config.services, 'services');
    const groups = unique(config.serviceGroups, 'serviceGroups');
    const categories = unique(config.categories, 'categories');
    const desks = unique(config.desks, 'desks');
    const operators = unique(config.operators, 'operators');
    const devices = unique(config.devices, 'devices');
    unique(config.printers, 'printers');
    void categories;

    const prefixes = new Map<string, string>();
    config.services.forEach((service, index) => {
      const owner = prefixes.get(service.prefix);
      if (owner) ctx.addIssue({ code: 'custom', path: ['services', index, 'prefix'], message: `prefix ${service.prefix} is already used by service "${owner}"`, params: { problem: 'prefix-taken', value: service.prefix } });
      prefixes.set(service.prefix, service.id);
      if (service.groupId && !groups.has(service.groupId))
        ctx.addIssue({ code: 'custom', path: ['services', index, 'groupId'], message: `unknown service group "${service.groupId}"`, params: { problem: 'unknown-group', value: service.groupId } });
    });
    config.serviceGroups.forEach((group, index) => {
      if (group.parentId && !groups.has(group.parentId))
        ctx.addIssue({ code: 'custom', path: ['serviceGroups', index, 'parentId'], message: `unknown service group "${group.parentId}"`, params: { problem: 'unknown-group', value: group.parentId } });
    });
    const deskNumbers = new Set<number>();
    config.desks.forEach((desk, index) => {
      if (deskNumbers.has(desk.number)) ctx.addIssue({ code: 'custom', path: ['desks', index, 'number'], message: `desk number ${desk.number} is used twice`, params: { problem: 'desk-number-twice', value: desk.number } });
      deskNumbers.add(desk.number);
      desk.services.forEach((entry, serviceIndex) => {
        if (!services.has(entry.serviceId))
          ctx.addIssue({ code: 'custom', path: ['desks', index, 'services', serviceIndex], message: `unknown service "${entry.serviceId}"`, params: { problem: 'unknown-service', value: entry.serviceId } });
      });
    });
    const logins = new Set<string>();
    config.operators.forEach((operator, index) => {
      if (logins.has(operator.login)) ctx.addIssue({ code: 'custom', path: ['operators', index, 'login'], message: `login "${operator.login}" is used twice`, params: { problem: 'login-twice', value: operator.login } });
      logins.add(operator.login);
    });
    const specialDates = new Set<string>();
    config.specialDays.forEach((day, index) => {
      if (specialDates.has(day.date)) ctx.addIssue({ code: 'custom', path: ['specialDays', index, 'date'], message: `${day.date} is listed twice`, params: { problem: 'date-twice', value: day.date } });
      if (config.holidays.includes(day.date)) ctx.addIssue({ code: 'custom', path: ['specialDays', index, 'date'], message: `${day.date} is also a holiday: keep one`, params: { problem: 'date-also-holiday', value: day.date } });
      specialDates.add(day.date);
    });
    config.breaks.forEach((entry, index) => {
      if (!operators.has(entry.operatorId)) ctx.addIssue({ code: 'custom', path: ['breaks', index, 'operatorId'], message: `unknown operator "${entry.operatorId}"`, params: { problem: 'unknown-operator', value: entry.operatorId } });
      if (entry.from >= entry.to) ctx.addIssue({ code: 'custom', path: ['breaks', index, 'to'], message: 'a break must end after it starts', params: { problem: 'break-order' } });
    });
    const deviceRole = new Map(config.devices.map((device) => [device.id, device.role]));
    config.printerNetwork.forEach((entry, index) => {
      const problem = printerNetworkEntryProblem(entry);
      if (problem) ctx.addIssue({ code: 'custom', path: ['printerNetwork', index], message: problem, params: { problem: 'printer-network', value: entry } });
    });
    config.printers.forEach((printer, index) => {
      // The data folder is known only to the server, which checks a `file:` printer's folder itself.
      const problem = /^file:/i.test(printer.uri)
        ? printer.uri.split('/').includes('..') ? 'a file: printer path may not contain ..' : undefined
        : printerTargetProblem(printer.uri, { network: config.printerNetwork });
      if (problem) ctx.addIssue({ code: 'custom', path: ['printers', index, 'uri'], message: problem, params: { problem: 'printer-target', value: printer.uri } });
    });
    config.printers.forEach((printer, index) => {
      if (deviceRole.get(printer.kioskId) !== 'kiosk') ctx.addIssue({ code: 'custom', path: ['printers', index, 'kioskId'], message: `"${printer.kioskId}" is not a kiosk device`, params: { problem: 'not-kiosk', value: printer.kioskId } });
      if (deviceRole.get(printer.agentId) !== 'agent') ctx.addIssue({ code: 'custom', path: ['printers', index, 'agentId'], message: `"${printer.agentId}" is not an agent device`, params: { problem: 'not-agent', value: printer.agentId } });
    });
    config.ratingButtons.forEach((button, index) => {
      if (!desks.has(button.deskId)) ctx.addIssue({ code: 'custom', path: ['ratingButtons', index, 'deskId'], message: `unknown desk "${button.deskId}"`, params: { problem: 'unknown-desk', value: button.deskId } });
      if (deviceRole.get(button.agentId) !== 'agent') ctx.addIssue({ code: 'custom', path: ['ratingButtons', index, 'agentId'], message: `"${button.agentId}" is not an agent device`, params: { problem: 'not-agent', value: button.agentId } });
    });
    void devices;
  });

export type OfficeConfig = z.output<typeof officeConfigSchema>;
export type OfficeConfigInput = z.input<typeof officeConfigSchema>;
export type ServiceConfig = OfficeConfig['services'][number];
export type DeskConfig = OfficeConfig['desks'][number];
export type OperatorConfig = OfficeConfig['operators'][number];
export type DeviceConfig = OfficeConfig['devices'][number];

export type ConfigCheck = { ok: true; config: OfficeConfig } | { ok: false; problems: string[]; issues: ConfigIssue[] };

/** Validates a parsed JSON value; each problem names its field, e.g. `services[1].prefix: ...`. */
export function checkOfficeConfig(value: unknown): ConfigCheck {
  const result = officeConfigSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), ...configProblemOf(issue) })),
  };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
