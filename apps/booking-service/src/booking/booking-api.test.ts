import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentralLogger } from '../logger.js';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, type TestCentral } from '../testing/test-central.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Monday 23 November 2026, 07:00 in Moscow. */
const MONDAY_7_00 = Date.UTC(2026, 10, 23, 4, 0);
const msk = (date: string, time: string) => Date.parse(`${date}T${time}:00+03:00`);
const TUESDAY_10_00 = msk('2026-11-24', '10:00');

interface Answer {
  ok: boolean;
  code?: string;
  booking?: { code: string; status: string; phoneMasked: string; customerName: string };
  slots?: { start: number; free: number; capacity: number }[];
}

describe('booking HTTP API', () => {
  let central: TestCentral;
  let office: Socket;
  let now = MONDAY_7_00;
  const lines: string[] = [];
  afterEach(() => central.stop());

  async function start() {
    now = MONDAY_7_00;
    lines.length = 0;
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    central = await startTestCentral({ now: () => now, logger: createCentralLogger({ level: 'info', destination }) });
    office = await central.connectOffice({ officeId: 'north', key: TEST_OFFICE_KEYS.north });
    await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() });
  }
  const get = async (path: string) => (await fetch(`${central.url}${path}`)).json() as Promise<Answer>;
  const post = async (path: string, body?: unknown, raw?: string) => {
    const response = await fetch(`${central.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined || raw !== undefined ? { body: raw ?? JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Answer };
  };
  const request = (extra: Record<string, unknown> = {}) => ({
    officeId: 'north', serviceId: 'contracts', slotStart: TUESDAY_10_00, name: 'Иванова Мария', phone: '8 (916) 123-45-67', personalDataConsent: true, ...extra,
  });

  it('lists offices and slots, books, shows, cancels and frees the place', async () => {
    await start();
    const listed = await get('/api/offices') as Answer & { offices: { days: string[] }[] };
    expect(listed).toMatchObject({ ok: true, retentionDays: 30, offices: [{ id: 'north', name: 'ЦОК «Северный»', services: [{ id: 'payments' }, { id: 'contracts' }] }] });
    // From Monday 23 November, two weeks ahead: the Sundays (closed) are not offered.
    expect(listed.offices[0]!.days.slice(0, 7)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-30']);
    expect(listed.offices[0]!.days).toHaveLength(13);
    const before = await get('/api/offices/north/slots?serviceId=contracts&date=2026-11-24');
    expect(before.slots!.find((s) => s.start === TUESDAY_10_00)).toEqual({ start: TUESDAY_10_00, minutes: 30, capacity: 1, free: 1 });

    const made = await post('/api/bookings', request());
    expect(made.status).toBe(200);
    expect(made.body.booking).toMatchObject({ status: 'booked', customerName: 'Иванова Мария', phoneMasked: '+7 *** ***-45-67' });
    const code = made.body.booking!.code;
    expect(code).toMatch(/^\d{12}$/);
    expect((await get('/api/offices/north/slots?serviceId=contracts&date=2026-11-24')).slots!.find((s) => s.start === TUESDAY_10_00)!.free).toBe(0);
    expect(await get(`/api/bookings/${code}?phone4=4567`)).toMatchObject({ ok: true, booking: { code, status: 'booked' } });
    // Spaces a visitor types to keep their place in 12 digits do not matter.
    expect(await get(`/api/bookings/${code.slice(0, 4)}%20${code.slice(4, 8)}%20${code.slice(8)}?phone4=4567`)).toMatchObject({ ok: true, booking: { code } });
    const qr = await fetch(`${central.url}/api/bookings/${code}/qr.svg?phone4=4567`);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toMatch(/^<svg/);

    expect((await post(`/api/bookings/${code}/cancel?phone4=4567`)).body).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
    expect(await post(`/api/bookings/${code}/cancel?phone4=4567`)).toMatchObject({ status: 409, body: { code: 'booking-not-cancellable' } });
    expect((await get('/api/offices/north/slots?serviceId=contracts&date=2026-11-24')).slots!.find((s) => s.start === TUESDAY_10_00)!.free).toBe(1);
    // The office is told, and pulls the booking and its cancel: a name, never the phone.
    const pulled = (await office.emitWithAck('bookings:pull', { since: 0 })) as { changes: Record<string, unknown>[] };
    expect(pulled.changes.at(-1)).toMatchObject({ code, status: 'cancelled', customerName: 'Иванова Мария' });
    // Not as a field, and not in any form in a value (a bare "916" could be part of a random code).
    expect(pulled.changes.every((change) => !Object.keys(change).some((key) => /phone/i.test(key)))).toBe(true);
    expect(JSON.stringify(pulled)).not.toMatch(/9161234567|123-45-67|\(916\)|45-67/);
  });

  it("finds, draws and cancels a booking taken at the office's counter by its code and the phone's last digits, and tells the office", async () => {
    await start();
    let seq = 0;
    const push = (event: Record<string, unknown>) => {
      seq += 1;
      return office.emitWithAck('events:push', { messages: [{ eventId: `north-e${seq}`, officeId: 'north', seq, event: { at: now, actor: { kind: 'operator', operatorId: 'admin' }, ...event } }] });
    };
    const counter = (id: string, code: string, slotStart: number, phone?: string) => push({
      type: 'booking.created',
      booking: { id, code, serviceId: 'contracts', slotStart, slotMinutes: 30, source: 'office', customerName: 'Кузьмина', ...(phone && { customerPhone: phone, phoneConsentAt: now }) },
    });
    const free = async (slotStart: number) => (await get('/api/offices/north/slots?serviceId=contracts&date=2026-11-24')).slots!.find((s) => s.start === slotStart)!.free;
    expect(await counter('ob-1', '200000000001', TUESDAY_10_00, '+79165551234')).toMatchObject({ ok: true });
    expect(await counter('ob-2', '200000000002', TUESDAY_10_00 + 30 * MINUTE)).toMatchObject({ ok: true });
    expect(await free(TUESDAY_10_00)).toBe(0);

    expect(await get('/api/bookings/200000000001?phone4=4567')).toMatchObject({ ok: false, code: 'booking-not-found' });
    expect(await get('/api/bookings/2000%200000%200001?phone4=1234')).toMatchObject({ ok: true, booking: { code: '200000000001', status: 'booked', customerName: 'Кузьмина', phoneMasked: '+7 *** ***-12-34' } });
    expect(await (await fetch(`${central.url}/api/bookings/200000000001/qr.svg?phone4=1234`)).text()).toMatch(/^<svg/);
    // Taken at the counter without a phone: nothing proves it on-line; it is cancelled at the office.
    for (const digits of ['0000', '1234']) expect(await post(`/api/bookings/200000000002/cancel?phone4=${digits}`)).toMatchObject({ status: 404, body: { code: 'booking-not-found' } });

    const nudged = new Promise((resolve) => office.once('bookings:changed', resolve));
    const { version: known } = (await office.emitWithAck('bookings:pull', { since: 0 })) as { version: number };
    expect((await post('/api/bookings/200000000001/cancel?phone4=1234')).body).toMatchObject({ ok: true, booking: { code: '200000000001', status: 'cancelled' } });
    await nudged;
    expect(await free(TUESDAY_10_00)).toBe(1);
    const pulled = (await office.emitWithAck('bookings:pull', { since: known })) as { changes: Record<string, unknown>[] };
    expect(pulled.changes).toEqual([expect.objectContaining({ bookingId: 'ob-1', code: '200000000001', status: 'cancelled' })]);
    expect(JSON.stringify(pulled)).not.toMatch(/5551234|12-34/);
    // The office applies it and reports its own cancel: nothing changes twice.
    expect(await push({ type: 'booking.cancelled', bookingId: 'ob-1' })).toMatchObject({ ok: true });
    expect(await free(TUESDAY_10_00)).toBe(1);
    expect(await post('/api/bookings/200000000001/cancel?phone4=1234')).toMatchObject({ status: 409, body: { code: 'booking-not-cancellable' } });

    // The race: cancelled here while the office checked the visitor in. The office's check-in wins:
    // the page then shows the booking used, and the place stays taken.
    const slot = TUESDAY_10_00 + 60 * MINUTE;
    await counter('ob-3', '200000000003', slot, '+79031112233');
    expect((await post('/api/bookings/200000000003/cancel?phone4=2233')).body).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
    expect(await push({ type: 'booking.checked-in', bookingId: 'ob-3', ticketId: 't-7', late: false })).toMatchObject({ ok: true });
    expect(await get('/api/bookings/200000000003?phone4=2233')).toMatchObject({ ok: true, booking: { status: 'arrived' } });
    expect(await post('/api/bookings/200000000003/cancel?phone4=2233')).toMatchObject({ status: 409, body: { code: 'booking-not-cancellable' } });
    expect(await free(slot)).toBe(0);

    // An office's code the same as one made on-line (offices make theirs without asking): each
    // visitor's digits open their own booking, and cancel only that one.
    const online = (await post('/api/bookings', request({ slotStart: msk('2026-11-24', '11:30') }))).body.booking!.code;
    await counter('ob-4', online, msk('2026-11-24', '12:00'), '+79031110000');
    expect(await get(`/api/bookings/${online}?phone4=0000`)).toMatchObject({ ok: true, booking: { phoneMasked: '+7 *** ***-00-00', customerName: 'Кузьмина' } });
    expect((await post(`/api/bookings/${online}/cancel?phone4=4567`)).body).toMatchObject({ ok: true, booking: { status: 'cancelled', customerName: 'Иванова Мария' } });
    expect(await get(`/api/bookings/${online}?phone4=0000`)).toMatchObject({ ok: true, booking: { status: 'booked' } });
  });

  it('gives the last place in a slot to exactly one of many visitors booking at once', async () => {
    await start();
    const race = async (serviceId: string, slotStart: number, visitors: number) => {
      const answers = await Promise.all(Array.from({ length: visitors }, (_, i) => post('/api/bookings', request({ serviceId, slotStart, name: `Гость ${i}`, phone: `+7 916 000-00-${String(i).padStart(2, '0')}` }))));
      return {
        won: answers.filter((a) => a.body.ok).length,
        refused: answers.filter((a) => a.status === 409 && a.body.code === 'slot-full').length,
      };
    };
    expect(await race('contracts', TUESDAY_10_00, 24)).toEqual({ won: 1, refused: 23 });
    expect(await race('payments', TUESDAY_10_00, 24)).toEqual({ won: 2, refused: 22 });
    const db = new Database(join(central.dataDir, 'central.db'), { readonly: true });
    expect(db.prepare(`SELECT service_id, COUNT(*) AS n FROM bookings GROUP BY service_id ORDER BY service_id`).all()).toEqual([
      { service_id: 'contracts', n: 1 },
      { service_id: 'payments', n: 2 },
    ]);
    db.close();
  });

  it.each([
    ['no consent', request({ personalDataConsent: undefined }), 400, 'consent-required'],
    ['consent refused', request({ personalDataConsent: false }), 400, 'consent-required'],
    ['a foreign phone number', request({ phone: '+44 20 7946 0958' }), 400, 'invalid-payload'],
    ['no name', request({ name: '  ' }), 400, 'invalid-payload'],
    ['an extra field', request({ discount: 50 }), 400, 'invalid-payload'],
    ['an unknown office', request({ officeId: 'west' }), 404, 'unknown-office'],
    ['an unknown service', request({ serviceId: 'haircut' }), 404, 'unknown-service'],
    ['a service not open for booking', request({ serviceId: 'meters' }), 409, 'service-not-bookable'],
    ['a slot off the grid', request({ slotStart: TUESDAY_10_00 + 7 * MINUTE }), 409, 'slot-unavailable'],
    ['a slot in lunch', request({ slotStart: msk('2026-11-24', '13:00') }), 409, 'slot-unavailable'],
    ['a slot already begun', request({ slotStart: msk('2026-11-23', '06:30') }), 409, 'slot-unavailable'],
    ['a Sunday', request({ slotStart: msk('2026-11-29', '10:00') }), 409, 'slot-unavailable'],
  ])('refuses a booking with %s', async (_label, body, status, code) => {
    await start();
    expect(await post('/api/bookings', body)).toMatchObject({ status, body: { ok: false, code } });
  });

  it('lets one phone number hold three upcoming bookings, and a fourth after one is cancelled or over', async () => {
    await start();
    const at = (time: string) => msk('2026-11-24', time);
    const codes: string[] = [];
    for (const time of ['10:00', '10:30', '11:00']) codes.push((await post('/api/bookings', request({ slotStart: at(time) }))).body.booking!.code);
    expect(await post('/api/bookings', request({ slotStart: at('11:30'), phone: '+79161234567' }))).toMatchObject({ status: 409, body: { code: 'too-many-bookings' } });
    expect(await post('/api/bookings', request({ slotStart: at('11:30'), phone: '+79161234568' }))).toMatchObject({ status: 200 });
    await post(`/api/bookings/${codes[0]}/cancel?phone4=4567`);
    expect(await post('/api/bookings', request({ slotStart: at('12:00') }))).toMatchObject({ status: 200 });
    now = at('10:31');
    expect(await post('/api/bookings', request({ slotStart: at('12:30') }))).toMatchObject({ status: 200 });
  });

  it('answers the company website from an allowed origin, and no other', async () => {
    await start();
    await central.stop();
    central = await startTestCentral({ config: testCentralConfig((c) => (c.booking.allowedOrigins = ['https://energo.example'])) });
    const preflight = await fetch(`${central.url}/api/bookings`, { method: 'OPTIONS', headers: { origin: 'https://energo.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://energo.example');
    const listed = await fetch(`${central.url}/api/offices`, { headers: { origin: 'https://energo.example' } });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://energo.example');
    const stranger = await fetch(`${central.url}/api/offices`, { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const reports = await fetch(`${central.url}/api/reports?from=2026-11-01&to=2026-11-30`, { headers: { origin: 'https://energo.example' } });
    expect(reports.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses malformed requests with codes, never a crash', async () => {
    await start();
    expect(await post('/api/bookings', undefined, '{"officeId":')).toMatchObject({ status: 400, body: { code: 'invalid-payload' } });
    expect(await post('/api/bookings', undefined, JSON.stringify({ name: 'x'.repeat(20_000) }))).toMatchObject({ status: 413, body: { code: 'payload-too-large' } });
    expect(await get('/api/bookings/12ab')).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await get('/api/bookings/123456789012?phone4=1234')).toMatchObject({ ok: false, code: 'booking-not-found' });
    expect(await get('/api/bookings/123456789012')).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await get('/api/offices/north/slots?serviceId=contracts')).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await get('/api/nothing')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await get('/healthz')).toEqual({ ok: true, officesLinked: 1, dependencies: {}, down: [] });
  });

  it('masks phones in logs and forgets names and phones after the retention period', async () => {
    await start();
    const made = await post('/api/bookings', request());
    const code = made.body.booking!.code;
    const log = lines.join('');
    expect(log).toContain('+7 *** ***-45-67');
    expect(log).not.toMatch(/9161234567|123-45-67/);

    now += 29 * DAY;
    expect(await central.service.applyRetention()).toBe(0);
    now += 3 * DAY;
    expect(await central.service.applyRetention()).toBe(1);
    // With the phone gone there is no second factor left to prove: the booking is no longer shown on-line.
    expect(await get(`/api/bookings/${code}?phone4=4567`)).toMatchObject({ ok: false, code: 'booking-not-found' });
    const db = new Database(join(central.dataDir, 'central.db'), { readonly: true });
    expect(db.prepare('SELECT phone, customer_name AS name FROM bookings').all()).toEqual([{ phone: null, name: null }]);
    db.close();
    // Nor is it left in the file's freed space (secure_delete): read the bytes once central has closed
    // the database and folded its write-ahead log back in.
    const dataDir = central.dataDir;
    await central.stop({ wipe: false });
    const bytes = readFileSync(join(dataDir, 'central.db')).toString('latin1');
    expect(bytes).toContain(code);
    expect(bytes).not.toMatch(/9161234567|Иванова/);
    expect(readFileSync(join(dataDir, 'central.db')).includes(Buffer.from('Иванова'))).toBe(false);
    central = await startTestCentral({ dataDir });
  });
});
