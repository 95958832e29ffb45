import type { SyncOutboxMessage } from '@talon/protocol';
import { hashPassword, phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, TEST_REPORT_TOKEN, type TestCentral } from '../testing/test-central.js';
import { signQualitySession } from '../quality/quality-users.js';
import { authorise, CENTRAL_PERMISSIONS, CENTRAL_ROLES, type CentralAction, type CentralRole } from './central-permissions.js';

/** Monday 23 November 2026, 07:00 in Moscow (04:00 UTC): the office day of the tickets below. */
const NOW = Date.UTC(2026, 10, 23, 4, 0);
const msk = (date: string, time: string) => Date.parse(`${date}T${time}:00+03:00`);

/**
 * The table as the issue asks for it, written out here a second time on purpose: a change to
 * `CENTRAL_PERMISSIONS` must be a change to this page and to docs/protocol.md as well.
 * Columns: anyone, ticket, office, quality, quality-region, reports.
 */
const EXPECTED: Record<CentralAction, string> = {
  'GET /healthz': 'all all all all all all',
  'GET pages': 'all all all all all all',
  'GET /api/offices': 'all all all all all all',
  'GET /api/offices/:id/slots': 'all all all all all all',
  'POST /api/bookings': 'all all all all all all',
  'GET /api/bookings/:code': 'own own own own own own',
  'POST /api/bookings/:code/cancel': 'own own own own own own',
  'GET /api/phone/:token': 'none own none none none none',
  'POST /api/phone/:token/nudges': 'none own none none none none',
  'GET /api/phone/:token/questionnaire': 'none own none none none none',
  'POST /api/phone/:token/questionnaire': 'none own none none none none',
  'GET /api/remote/offices': 'all all all all all all',
  'POST /api/remote/join': 'all all all all all all',
  'POST /api/phone/:token/arrived': 'none own none none none none',
  'GET /api/phone/:token/arrival-qr.svg': 'none own none none none none',
  '/phone ticket:watch': 'none own none none none none',
  'POST /api/quality/login': 'all all all all all all',
  'GET /api/quality': 'none none none all own none',
  'GET /api/quality/monthly': 'none none none all own none',
  'GET /api/reports': 'none none none none none all',
  '/office office:hello': 'none none own none none none',
  '/office events:push': 'none none own none none none',
  '/office bookings:pull': 'none none own none none none',
  '/office tickets:status': 'none none own none none none',
  '/office questionnaire:sync': 'none none own none none none',
  '/ connect': 'none none none none none none',
};

const issued = (officeId: string, seq: number): SyncOutboxMessage => ({
  eventId: `e_${officeId}_${seq}`,
  officeId,
  seq,
  event: {
    type: 'ticket.issued',
    at: NOW,
    actor: { kind: 'kiosk', deviceId: 'k1' },
    ticket: { id: `t_${seq}`, number: `A${String(seq).padStart(3, '0')}`, serviceId: 'payments', officeDay: '2026-11-23', kind: 'walk-in', issuedAt: NOW, queuedAt: NOW },
  } as SyncOutboxMessage['event'],
});

describe("central's permissions table", () => {
  it('is the table written out above (docs/protocol.md prints it, rows grouped)', () => {
    const actual = Object.fromEntries(Object.entries(CENTRAL_PERMISSIONS).map(([action, row]) => [action, CENTRAL_ROLES.map((role) => row[role]).join(' ')]));
    expect(actual).toEqual(EXPECTED);
  });

  it('keeps an office to its own office and a regional user to their regions', () => {
    expect(authorise({ role: 'office', officeId: 'north' }, '/office events:push', { target: ['north', 'south'] })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(authorise({ role: 'office', officeId: 'north' }, '/office events:push', { target: ['north'] })).toMatchObject({ ok: true });
    const user = { login: 'yug', name: 'Юг', passwordHash: 'scrypt$x', regions: ['Юг'] };
    const scope = authorise({ role: 'quality-region', user }, 'GET /api/quality', { regionOffices: () => new Set(['south']) });
    expect(scope).toMatchObject({ ok: true, offices: new Set(['south']) });
    expect(authorise({ role: 'anyone' }, 'GET /api/reports')).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(authorise({ role: 'anyone', tokenRefusal: 'phone-token-expired' }, 'GET /api/phone/:token')).toMatchObject({ ok: false, code: 'phone-token-expired' });
  });
});

/** Each role with its own credential, tried on every action of the real service; allowed exactly where the table says. */
describe("central's permissions, role by role against the real service", () => {
  let central: TestCentral;
  let webRoot: string;
  const credentials = {} as Record<CentralRole, { bearer?: string; phoneToken: string; officeAuth: Record<string, string> }>;
  let bookingCode = '';
  let seq = 0;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'talon-central-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>booking</title>');
    const passwordHash = await hashPassword('kachestvo-password-1');
    const config = testCentralConfig((c) => {
      c.offices.find((o) => o.id === 'south')!.region = 'Юг';
      c.qualityUsers = [
        { login: 'kachestvo', name: 'Отдел качества', passwordHash },
        { login: 'yug', name: 'Качество, Юг', passwordHash, regions: ['Юг'] },
      ];
      // Every role books once below: room for all of them on one phone number.
      c.booking.maxActivePerPhone = 50;
      // Five of the six roles try /office with a wrong key, four commands each, from this one address.
      c.limits.officeHandshakeFailuresPerAddress = 10_000;
    });
    central = await startTestCentral({ config, now: () => NOW, webRoot });
    for (const officeId of ['north', 'south']) {
      const office = await central.connectOffice({ officeId, key: TEST_OFFICE_KEYS[officeId]! });
      await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() });
      office.disconnect();
    }
    bookingCode = (await book()).booking.code;
    const forged = `north.t1.20261123.${'A'.repeat(22)}`;
    const session = (login: string) => signQualitySession(config.qualityUsers.find((u) => u.login === login)!, NOW + 3_600_000);
    const ticketToken = signPhoneToken({ officeId: 'north', ticketId: 't1', officeDay: '2026-11-23' }, phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS.north!));
    // What each holds, offered wherever a credential could go: a bearer header, the phone route's path, the /office handshake.
    credentials.anyone = { phoneToken: forged, officeAuth: {} };
    credentials.ticket = { phoneToken: ticketToken, officeAuth: { officeId: 'north', key: ticketToken } };
    credentials.office = { bearer: TEST_OFFICE_KEYS.north!, phoneToken: forged, officeAuth: { officeId: 'north', key: TEST_OFFICE_KEYS.north! } };
    credentials.quality = { bearer: session('kachestvo'), phoneToken: forged, officeAuth: { officeId: 'north', key: session('kachestvo') } };
    credentials['quality-region'] = { bearer: session('yug'), phoneToken: forged, officeAuth: { officeId: 'south', key: session('yug') } };
    credentials.reports = { bearer: TEST_REPORT_TOKEN, phoneToken: forged, officeAuth: { officeId: 'north', key: TEST_REPORT_TOKEN } };
  });
  afterAll(async () => {
    await central?.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  // Tuesday's half-hour slots of `contracts` (one place each), the lunch break left out.
  const slots = ['08', '09', '10', '11', '12', '14', '15', '16'].flatMap((h) => [`${h}:00`, `${h}:30`]);
  let slot = 0;
  async function book(headers: Record<string, string> = {}) {
    const slotStart = msk('2026-11-24', slots[slot++]!);
    const answer = await fetch(`${central.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ officeId: 'north', serviceId: 'contracts', slotStart, name: 'Иванова Мария', phone: '+7 916 123-45-67', personalDataConsent: true }),
    });
    return (await answer.json()) as { ok: boolean; code?: string; booking: { code: string } };
  }

  type Verdict = { refused: boolean; answer: unknown };
  const REFUSALS = new Set(['unauthorized', 'forbidden', 'phone-token-invalid', 'phone-token-expired']);
  const verdictOf = (answer: { ok?: boolean; code?: string }): Verdict => ({ refused: answer.ok === false && REFUSALS.has(answer.code ?? ''), answer });

  async function http(role: CentralRole, method: string, path: string, body?: unknown): Promise<Verdict> {
    const { bearer } = credentials[role];
    const response = await fetch(`${central.url}${path}`, {
      method,
      headers: { ...(bearer && { authorization: `Bearer ${bearer}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const answer = response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as { ok?: boolean; code?: string }) : { ok: response.ok };
    if (response.status === 401 || response.status === 403) expect(answer).toMatchObject({ ok: false });
    return verdictOf(answer);
  }

  async function office(role: CentralRole, command: string, payload: unknown): Promise<Verdict> {
    const socket = io(`${central.url}/office`, { auth: credentials[role].officeAuth, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      const linked = await new Promise<{ code?: string } | true>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve({ code: error.data?.code ?? error.message }));
      });
      if (linked !== true) return verdictOf({ ok: false, ...linked });
      return verdictOf((await socket.timeout(5000).emitWithAck(command, payload)) as { ok: boolean; code?: string });
    } finally {
      socket.disconnect();
    }
  }

  const ATTEMPTS: Record<CentralAction, (role: CentralRole) => Promise<Verdict>> = {
    'GET /healthz': (role) => http(role, 'GET', '/healthz'),
    'GET pages': (role) => http(role, 'GET', '/'),
    'GET /api/offices': (role) => http(role, 'GET', '/api/offices'),
    'GET /api/offices/:id/slots': (role) => http(role, 'GET', '/api/offices/north/slots?serviceId=contracts&date=2026-11-24'),
    'POST /api/bookings': async (role) => verdictOf(await book(credentials[role].bearer ? { authorization: `Bearer ${credentials[role].bearer}` } : {})),
    'GET /api/bookings/:code': (role) => http(role, 'GET', `/api/bookings/${bookingCode}?phone4=4567`),
    'POST /api/bookings/:code/cancel': async (role) => http(role, 'POST', `/api/bookings/${(await book()).booking.code}/cancel?phone4=4567`),
    'GET /api/phone/:token': (role) => http(role, 'GET', `/api/phone/${credentials[role].phoneToken}`),
    'POST /api/phone/:token/nudges': (role) =>
      http(role, 'POST', `/api/phone/${credentials[role].phoneToken}/nudges`, {
        peopleLeft: 3,
        language: 'ru',
        channel: { kind: 'web-push', subscription: { endpoint: `https://fcm.googleapis.com/fcm/send/${role}`, keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } } },
      }),
    'GET /api/phone/:token/questionnaire': (role) => http(role, 'GET', `/api/phone/${credentials[role].phoneToken}/questionnaire`),
    'POST /api/phone/:token/questionnaire': (role) => http(role, 'POST', `/api/phone/${credentials[role].phoneToken}/questionnaire`, { solved: true, ease: 5 }),
    'GET /api/remote/offices': (role) => http(role, 'GET', '/api/remote/offices'),
    'POST /api/remote/join': (role) => http(role, 'POST', '/api/remote/join', { officeId: 'north', serviceId: 'payments', requestKey: `permissions-${role}-0000000` }),
    'POST /api/phone/:token/arrived': (role) => http(role, 'POST', `/api/phone/${credentials[role].phoneToken}/arrived`, {}),
    'GET /api/phone/:token/arrival-qr.svg': (role) => http(role, 'GET', `/api/phone/${credentials[role].phoneToken}/arrival-qr.svg`),
    '/phone ticket:watch': async (role) => {
      const socket = io(`${central.url}/phone`, { transports: ['websocket'], reconnection: false, forceNew: true });
      try {
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        return verdictOf((await socket.timeout(5000).emitWithAck('ticket:watch', { token: credentials[role].phoneToken })) as { ok: boolean; code?: string });
      } finally {
        socket.disconnect();
      }
    },
    'POST /api/quality/login': (role) => http(role, 'POST', '/api/quality/login', { login: 'kachestvo', password: 'kachestvo-password-1' }),
    'GET /api/quality': (role) => http(role, 'GET', '/api/quality?from=2026-11-01&to=2026-11-22'),
    'GET /api/quality/monthly': (role) => http(role, 'GET', '/api/quality/monthly?month=2026-10&format=csv&sheet=offices'),
    'GET /api/reports': (role) => http(role, 'GET', '/api/reports?from=2026-11-01&to=2026-11-30'),
    '/office office:hello': (role) => office(role, 'office:hello', { summary: sampleOfficeSummary() }),
    '/office events:push': (role) => office(role, 'events:push', { messages: [issued(credentials[role].officeAuth['officeId'] ?? 'north', ++seq)] }),
    '/office bookings:pull': (role) => office(role, 'bookings:pull', { since: 0 }),
    '/office questionnaire:sync': (role) => office(role, 'questionnaire:sync', { since: 0, answers: [], pageOpens: [] }),
    '/office tickets:status': (role) =>
      office(role, 'tickets:status', { statuses: [{ ticketId: 't1', number: 'A001', serviceId: 'payments', officeDay: '2026-11-23', state: 'waiting', peopleAhead: 2, estimatedWaitMin: null, at: NOW + seq++ }] }),
    '/ connect': async (role) => {
      const socket = io(central.url, { auth: credentials[role].officeAuth, transports: ['websocket'], reconnection: false, forceNew: true });
      const verdict = await new Promise<Verdict>((resolve) => {
        socket.once('connect', () => resolve({ refused: false, answer: 'connected' }));
        socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve(verdictOf({ ok: false, code: error.data?.code ?? error.message })));
      });
      socket.disconnect();
      return verdict;
    },
  };

  const cases = (Object.keys(CENTRAL_PERMISSIONS) as CentralAction[]).flatMap((action) => CENTRAL_ROLES.map((role) => [action, role] as const));
  it.each(cases)('%s as %s', async (action, role) => {
    const allowed = CENTRAL_PERMISSIONS[action][role] !== 'none';
    const verdict = await ATTEMPTS[action](role);
    expect({ refused: verdict.refused, answer: verdict.answer }).toMatchObject({ refused: !allowed });
    // Let through and well formed, the action does what it says (ticket t1 is still in the hall,
    // so its questionnaire is not open yet: the questionnaire's own answer, past the permissions).
    // Places from home past the permissions: north takes none, its link is not up, t1 was not taken from home.
    const beyond: Partial<Record<CentralAction, object>> = {
      'POST /api/phone/:token/questionnaire': { ok: false, code: 'questionnaire-not-open' },
      'POST /api/remote/join': { ok: false, code: 'remote-not-offered' },
      'POST /api/phone/:token/arrived': { ok: false, code: 'remote-unavailable' },
      'GET /api/phone/:token/arrival-qr.svg': { ok: false, code: 'not-found' },
    };
    if (allowed) expect(verdict.answer).toMatchObject(beyond[action] ?? { ok: true });
  });

  it("scopes what is let through: a regional user's view holds only their region's offices, an office pushes only its own events", async () => {
    const view = async (role: CentralRole) =>
      ((await (await fetch(`${central.url}/api/quality?from=2026-11-01&to=2026-11-22`, { headers: { authorization: `Bearer ${credentials[role].bearer}` } })).json()) as { offices: { officeId: string }[] }).offices.map((o) => o.officeId).sort();
    expect(await view('quality')).toEqual(['north', 'south']);
    expect(await view('quality-region')).toEqual(['south']);
    expect(await office('office', 'events:push', { messages: [issued('south', ++seq)] })).toMatchObject({ refused: true, answer: { code: 'forbidden' } });
    expect(await http('anyone', 'GET', `/api/bookings/${bookingCode}?phone4=0000`)).toMatchObject({ refused: false, answer: { ok: false, code: 'booking-not-found' } });
  });
});
