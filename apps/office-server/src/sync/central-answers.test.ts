import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OFFICE_NAMESPACE } from '@talon/protocol';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../clock.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const MINUTE = 60_000;

type Answer = (payload: { since?: number; messages?: { eventId: string }[] }) => unknown;

/**
 * A stand-in for central on a real Socket.IO server: it answers each sync command with whatever
 * the test scripts, so the office meets answers the real central never gives.
 */
async function fakeCentral(answers: Partial<Record<'office:hello' | 'events:push' | 'bookings:pull', Answer>>) {
  const http = createServer();
  const io = new Server(http);
  const received: { name: string; payload: unknown }[] = [];
  io.of(OFFICE_NAMESPACE).on('connection', (socket) => {
    for (const name of ['office:hello', 'events:push', 'bookings:pull'] as const) {
      socket.on(name, (payload: Parameters<Answer>[0], ack: (answer: unknown) => void) => {
        received.push({ name, payload });
        ack((answers[name] ?? (() => ({ ok: false, code: 'internal', message: 'not scripted' })))(payload));
      });
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

const change = (version: number, extra: object = {}) => ({
  version,
  bookingId: `cb_${version}`,
  code: `C${version}000`,
  serviceId: 'contracts',
  slotStart: TUESDAY_9_00 + 30 * MINUTE * (version - 1),
  slotMinutes: 30,
  status: 'booked',
  ...extra,
});

describe("the office checks central's answers before acting on them", () => {
  let office: TestOffice;
  let central: Awaited<ReturnType<typeof fakeCentral>>;
  afterEach(async () => {
    await office.stop();
    await central.close();
  });

  const start = async (answers: Parameters<typeof fakeCentral>[0]) => {
    central = await fakeCentral({ 'office:hello': () => ({ ok: true, bookingsVersion: 4 }), ...answers });
    office = await startTestOffice({
      clock: manualClock(TUESDAY_9_00),
      central: { centralUrl: central.url, officeKey: 'office-key-for-tests', retryMs: 100, ackTimeoutMs: 2_000 },
    });
  };
  const bookings = () => office.app.context.db.prepare('SELECT id FROM bookings ORDER BY id').pluck().all();
  const cursor = () => office.app.sync!.status().bookingsVersion;

  it("takes a newer central's changes without its new fields, and skips an unreadable change without stopping", async () => {
    await start({
      'bookings:pull': ({ since = 0 }) =>
        since === 0
          ? {
              ok: true,
              more: false,
              version: 4,
              changes: [
                change(1, { channel: 'mobile-app' }),
                change(2, { code: 'not a code!' }),
                null,
                change(4),
              ],
              serverBuild: '2027.1',
            }
          : { ok: true, more: false, version: 4, changes: [] },
    });
    await vi.waitFor(() => expect(cursor()).toBe(4), { timeout: 5_000 });
    expect(bookings()).toEqual(['cb_1', 'cb_4']);
    // The kiosk honours what was taken.
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    expect(await command(kiosk, 'booking:check-in', { code: 'C1000' })).toMatchObject({ ok: true, ticket: { kind: 'booking' } });
  });

  it('treats a malformed answer to a push as no answer: nothing is marked sent, and it is pushed again', async () => {
    let pushes = 0;
    await start({
      'bookings:pull': () => ({ ok: true, more: false, version: 4, changes: [] }),
      // First an ack with a garbled entry beside a real id, then a proper one for everything pushed.
      'events:push': ({ messages = [] }) =>
        ++pushes === 1 ? { ok: true, acked: [messages[0]!.eventId, 42] } : { ok: true, acked: messages.map((m) => m.eventId) },
    });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await vi.waitFor(() => expect(office.app.sync!.status().unsent).toBe(0), { timeout: 5_000 });
    expect(pushes).toBeGreaterThanOrEqual(2);
    const pushed = central.received.filter((r) => r.name === 'events:push').map((r) => (r.payload as { messages: { eventId: string }[] }).messages[0]!.eventId);
    // The garbled ack marked nothing, not even the id it named: the same first event went up again.
    expect(pushed[1]).toBe(pushed[0]);
  });

  it('backs off when central answers a push unavailable: each wait longer, commits meanwhile not sent early, the outbox kept', async () => {
    const at: number[] = [];
    await start({
      'bookings:pull': () => ({ ok: true, more: false, version: 4, changes: [] }),
      // An overloaded central sheds the first four pushes at the door.
      'events:push': ({ messages = [] }) => {
        at.push(Date.now());
        return at.length <= 4 ? { ok: false, code: 'unavailable', message: 'central is busy; push again shortly' } : { ok: true, acked: messages.map((m) => m.eventId) };
      },
    });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await vi.waitFor(() => expect(at.length).toBeGreaterThanOrEqual(1), { timeout: 5_000 });
    // Tickets issued while the office waits out its backoff go in the next push, not one each.
    for (let i = 0; i < 5; i += 1) await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await vi.waitFor(() => expect(office.app.sync!.status().unsent).toBe(0), { timeout: 10_000 });
    expect(at).toHaveLength(5);
    // retryMs 100 doubled each time, jittered by at most half: at least 50 + 100 + 200 + 400 ms in all
    // (a fixed retry would have come back four times in 400 ms).
    expect(at[4]! - at[0]!).toBeGreaterThanOrEqual(700);
  });

  it('does not count itself linked on a greeting it cannot read', async () => {
    await start({ 'office:hello': () => ({ ok: true, bookingsVersion: 'lots' }), 'bookings:pull': () => ({ ok: true, more: false, version: 0, changes: [] }) });
    await vi.waitFor(() => expect(central.received.some((r) => r.name === 'office:hello')).toBe(true), { timeout: 5_000 });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Neither pulled nor pushed: the office keeps its outbox for a central it can understand.
    expect(central.received.map((r) => r.name)).toEqual(['office:hello']);
    expect(office.app.sync!.status().unsent).toBeGreaterThan(0);
  });
});
