import Database from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy } from '../apps/booking-service/src/testing/link-proxy.js';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const MINUTE = 60_000;
const OFFICE = 'demo-office';

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The demo office with a rating button on desk 1, linked to central through `centralUrl`. */
function linkedOffice(centralUrl: string, clock = manualClock(TUESDAY_9_00), dataDir?: string): Promise<TestOffice> {
  return startTestOffice({
    clock,
    ...(dataDir && { dataDir }),
    config: demoConfig((c) => (c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 }])),
    central: { centralUrl, officeKey: TEST_OFFICE_KEYS[OFFICE]!, retryMs: 200, batchSize: 50 },
  });
}

/** What both sides hold, in the same shape: every event id, every ticket's end, every booking's state. */
function sides(office: TestOffice, central: TestCentral) {
  const cdb = new Database(join(central.dataDir, 'central.db'), { readonly: true });
  const odb = office.app.context.db;
  try {
    return {
      office: {
        events: odb.prepare('SELECT id FROM events ORDER BY id').pluck().all(),
        tickets: odb.prepare('SELECT id, status, rating FROM tickets ORDER BY id').all(),
        bookings: odb.prepare('SELECT id, status FROM bookings ORDER BY id').all(),
      },
      central: {
        events: cdb.prepare('SELECT event_id FROM office_events WHERE office_id = ? ORDER BY event_id').pluck().all(OFFICE),
        tickets: cdb.prepare('SELECT id, status, rating FROM tickets WHERE office_id = ? ORDER BY id').all(OFFICE),
        bookings: cdb.prepare('SELECT id, status FROM bookings WHERE office_id = ? ORDER BY id').all(OFFICE),
      },
    };
  } finally {
    cdb.close();
  }
}

const synced = (office: TestOffice) => () => office.app.sync!.status().connected && office.app.sync!.status().unsent === 0;

async function book(central: TestCentral, serviceId: string, slotStart: number, phone = '+7 916 123-45-67'): Promise<{ code: string }> {
  const response = await fetch(`${central.url}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ officeId: OFFICE, serviceId, slotStart, name: 'Смирнов Пётр', phone, personalDataConsent: true }),
  });
  const body = (await response.json()) as { ok: boolean; booking: { code: string } };
  expect(body).toMatchObject({ ok: true });
  return body.booking;
}

/** Serves the next waiting ticket at desk 1 and presses the rating button. */
async function serveAndRate(operator: Socket, agent: Socket, seq: number, value: number): Promise<void> {
  expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true });
  await command(operator, 'ticket:start');
  await command(operator, 'ticket:finish');
  await waitFor('the rating window', async () => {
    const answer = await command<{ ok: boolean; counted?: boolean }>(agent, 'rating:submit', { deskId: 'desk-1', value, seq, buttonDeviceId: 7 });
    return answer.ok && answer.counted === true;
  }, 5000);
}

describe('office <-> central sync under faults', () => {
  let central: TestCentral | undefined;
  let office: TestOffice | undefined;
  let proxy: LinkProxy | undefined;
  afterEach(async () => {
    await office?.stop();
    await proxy?.close();
    await central?.stop();
    office = proxy = central = undefined;
  });

  it('an office cut off works on; on reconnect it catches up both ways, and a centrally cancelled booking is no longer valid', async () => {
    const clock = manualClock(TUESDAY_9_00);
    central = await startTestCentral({ now: () => clock.now() });
    proxy = await startLinkProxy(central.port);
    office = await linkedOffice(proxy.url, clock);
    await waitFor('the first link', synced(office));

    const slots = (await (await fetch(`${central.url}/api/offices/${OFFICE}/slots?serviceId=contracts&date=2026-11-24`)).json()) as { slots: { start: number }[] };
    const slot = slots.slots[0]!.start;
    const kept = await book(central, 'contracts', slot);
    const dropped = await book(central, 'payments', slot);
    await waitFor('both bookings at the office', () => office!.app.context.db.prepare(`SELECT COUNT(*) FROM bookings WHERE source = 'central'`).pluck().get() === 2);

    proxy.down();
    await waitFor('the office to notice', () => !office!.app.sync!.status().connected);
    expect((await (await fetch(`${central.url}/api/bookings/${dropped.code}/cancel?phone4=4567`, { method: 'POST' })).json())).toMatchObject({ ok: true, booking: { status: 'cancelled' } });

    // A morning without the link: tickets, service, ratings, a booked visitor checking in.
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    const agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
    await command(agent, 'device:hello', { agentVersion: 'test', printers: [], buttons: [{ deskId: 'desk-1', online: true }] });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    for (let i = 0; i < 6; i += 1) expect(await command(kiosk, 'ticket:issue', { serviceId: 'payments' })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i += 1) await serveAndRate(operator, agent, i + 1, 5 - i);
    clock.set(slot - 5 * MINUTE);
    expect(await command(kiosk, 'booking:check-in', { code: kept.code })).toMatchObject({ ok: true, ticket: { kind: 'booking' } });
    // The office has not heard of the cancel yet: the code still holds while it cannot know.
    expect(office.app.sync!.status().unsent).toBeGreaterThan(10);

    proxy.up();
    await waitFor('the catch-up', async () => synced(office!)() && office!.app.context.db.prepare('SELECT status FROM bookings WHERE code = ?').pluck().get(dropped.code) === 'cancelled');
    expect(await command(kiosk, 'booking:check-in', { code: dropped.code })).toMatchObject({ ok: false, code: 'booking-cancelled' });
    await waitFor('the last events', synced(office));

    const both = sides(office, central);
    expect(both.central.events).toEqual(both.office.events);
    expect(both.central.tickets).toEqual(both.office.tickets);
    expect(both.central.tickets.filter((t) => (t as { rating: number | null }).rating !== null)).toHaveLength(3);
    expect(both.central.bookings).toEqual(both.office.bookings);
    expect(await (await fetch(`${central.url}/api/bookings/${kept.code}?phone4=4567`)).json()).toMatchObject({ booking: { status: 'arrived' } });
  });

  // Issue 17: a booking taken at the office's counter is cancelled by its visitor on central's page.
  // It comes down as a booking change of the office's own booking, whenever the office next pulls.
  it("counter bookings cancelled on central while the office is cut off: applied once on relink, and the office's check-in meanwhile wins", async () => {
    const clock = manualClock(TUESDAY_9_00);
    central = await startTestCentral({ now: () => clock.now() });
    proxy = await startLinkProxy(central.port);
    office = await linkedOffice(proxy.url, clock);
    await waitFor('the first link', synced(office));
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const offered = await command<{ slots: { start: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-24' });
    const [racedSlot, awaySlot] = [offered.slots[0]!.start, offered.slots[1]!.start];
    const counter = (slotStart: number, customerPhone: string) =>
      command<{ ok: true; bookingId: string; code: string }>(admin, 'booking:create', { serviceId: 'contracts', slotStart, customerName: 'Лебедева', customerPhone, phoneConsent: true });
    const away = await counter(awaySlot, '+7 903 111-22-33');
    const raced = await counter(racedSlot, '+7 903 444-55-66');
    await waitFor('the counter bookings at central', synced(office));
    const atOffice = (code: string) => office!.app.context.db.prepare('SELECT status FROM bookings WHERE code = ?').pluck().get(code);
    const cancel = async (code: string, phone4: string) => {
      const response = await fetch(`${central!.url}/api/bookings/${code}/cancel?phone4=${phone4}`, { method: 'POST' });
      return { status: response.status, body: (await response.json()) as { ok: boolean; code?: string; booking?: { status: string } } };
    };

    proxy.down();
    await waitFor('the office to notice', () => !office!.app.sync!.status().connected);
    // Both visitors cancel from home; one of them is at the office's kiosk at that very moment.
    expect(await cancel(away.code, '2233')).toMatchObject({ status: 200, body: { ok: true, booking: { status: 'cancelled' } } });
    expect(await cancel(raced.code, '5566')).toMatchObject({ status: 200, body: { ok: true, booking: { status: 'cancelled' } } });
    clock.set(racedSlot - 5 * MINUTE);
    // The office cannot know yet: its queue decides, and the visitor at the kiosk is checked in.
    expect(await command(kiosk, 'booking:check-in', { code: raced.code })).toMatchObject({ ok: true, ticket: { kind: 'booking' } });
    expect(atOffice(away.code)).toBe('booked');

    proxy.up();
    await waitFor('the cancel at the office', () => synced(office!)() && atOffice(away.code) === 'cancelled');
    expect(await command(kiosk, 'booking:check-in', { code: away.code })).toMatchObject({ ok: false, code: 'booking-cancelled' });
    const slots = await command<{ slots: { start: number; booked: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-24' });
    expect(slots.slots.find((slot) => slot.start === awaySlot)).toMatchObject({ booked: 0 });
    // The check-in won: the office keeps its visitor, central shows the booking used and will not cancel it.
    await waitFor('the check-in at central', async () =>
      ((await (await fetch(`${central!.url}/api/bookings/${raced.code}?phone4=5566`)).json()) as { booking?: { status: string } }).booking?.status === 'arrived');
    expect(atOffice(raced.code)).toBe('arrived');
    expect(await cancel(raced.code, '5566')).toMatchObject({ status: 409, body: { code: 'booking-not-cancellable' } });
    const free = (await (await fetch(`${central.url}/api/offices/${OFFICE}/slots?serviceId=contracts&date=2026-11-24`)).json()) as { slots: { start: number; free: number }[] };
    expect(free.slots.find((slot) => slot.start === awaySlot)).toMatchObject({ free: 1 });
    expect(free.slots.find((slot) => slot.start === racedSlot)?.free ?? 0).toBe(0);

    // Exactly once both ways: the one cancel the office made (by central's word) went up once and
    // changed nothing there; every event on both sides once; the bookings agree.
    await waitFor('the last events', synced(office));
    const odb = office.app.context.db;
    const cancels = odb.prepare(`SELECT body, actor FROM events WHERE type = 'booking.cancelled'`).all() as { body: string; actor: string }[];
    expect(cancels.map((e) => [JSON.parse(e.body).bookingId, JSON.parse(e.actor)])).toEqual([[away.bookingId, { kind: 'central' }]]);
    const both = sides(office, central);
    expect(both.central.events).toEqual(both.office.events);
    expect(new Set(both.central.events).size).toBe(both.central.events.length);
    expect(both.central.bookings).toEqual(both.office.bookings);
    expect(both.office.bookings).toEqual(expect.arrayContaining([{ id: away.bookingId, status: 'cancelled' }, { id: raced.bookingId, status: 'arrived' }]));
  });

  it('central stopped for a while and restarted: nothing lost, nothing twice', async () => {
    central = await startTestCentral();
    const { port, dataDir } = central;
    office = await linkedOffice(central.url);
    await waitFor('the first link', synced(office));
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    for (let i = 0; i < 5; i += 1) await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await central.stop({ wipe: false });
    for (let i = 0; i < 120; i += 1) expect(await command(kiosk, 'ticket:issue', { serviceId: i % 2 ? 'payments' : 'contracts' })).toMatchObject({ ok: true });
    expect(office.app.sync!.status().unsent).toBeGreaterThanOrEqual(120);
    central = await startTestCentral({ port, dataDir });
    await waitFor('the catch-up after the restart', synced(office));
    const both = sides(office, central);
    expect(both.office.tickets).toHaveLength(125);
    expect(both.central.events).toEqual(both.office.events);
    expect(both.central.tickets).toEqual(both.office.tickets);
  });

  it('central restored from an old backup asks again, and the office resends what central lost', async () => {
    central = await startTestCentral();
    const { port, dataDir } = central;
    office = await linkedOffice(central.url);
    await waitFor('the first link', synced(office));
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    for (let i = 0; i < 10; i += 1) await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await waitFor('the first tickets', synced(office));
    const backup = join(dataDir, 'backup.db');
    const live = new Database(join(dataDir, 'central.db'), { readonly: true });
    live.exec(`VACUUM INTO '${backup}'`);
    live.close();
    for (let i = 0; i < 30; i += 1) await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await waitFor('the next tickets', synced(office));

    // The disk dies; central comes back from last night's backup, which lacks the last 30 tickets.
    await central.stop({ wipe: false });
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `central.db${suffix}`), { force: true });
    renameSync(backup, join(dataDir, 'central.db'));
    central = await startTestCentral({ port, dataDir });
    await waitFor('the office to link again', synced(office));
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await waitFor('the resend', () => synced(office!)() && sides(office!, central!).central.tickets.length === 41);
    const both = sides(office, central);
    expect(both.central.events).toEqual(both.office.events);
    expect(both.central.tickets).toEqual(both.office.tickets);
  });

  it('a line that drops again and again while tickets and bookings flow still delivers every event exactly once', async () => {
    central = await startTestCentral({ now: () => TUESDAY_9_00 });
    proxy = await startLinkProxy(central.port);
    office = await linkedOffice(proxy.url);
    await waitFor('the first link', synced(office));
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    let flowing = true;
    let issuedSoFar = 0;
    let bookedSoFar = 0;
    const flow = (async () => {
      let issued = 0;
      while (flowing) {
        await command(kiosk, 'ticket:issue', { serviceId: issued % 3 ? 'payments' : 'contracts' });
        issued += 1;
        issuedSoFar = issued;
      }
      return issued;
    })();
    // Visitors book and cancel on-line meanwhile, straight at central.
    const slots = (await (await fetch(`${central.url}/api/offices/${OFFICE}/slots?serviceId=contracts&date=2026-11-25`)).json()) as { slots: { start: number }[] };
    const bookings = (async () => {
      for (let i = 0; flowing && i < slots.slots.length; i += 1) {
        const made = await book(central!, 'contracts', slots.slots[i]!.start, `+7 916 000-00-${String(i).padStart(2, '0')}`);
        if (i % 3 === 0) await fetch(`${central!.url}/api/bookings/${made.code}/cancel?phone4=00${String(i).padStart(2, '0')}`, { method: 'POST' });
        bookedSoFar = i + 1;
        await new Promise((r) => setTimeout(r, 60));
      }
    })();
    // Twelve drops at least, and more until the traffic the checks below count has flowed, however
    // slowly a loaded machine issues and books.
    const enoughFlowed = () => issuedSoFar > 50 && bookedSoFar >= Math.min(7, slots.slots.length);
    for (let drop = 0; drop < 12 || (!enoughFlowed() && drop < 120); drop += 1) {
      await new Promise((r) => setTimeout(r, 120 + (drop % 3) * 60));
      proxy.cut();
    }
    flowing = false;
    const issued = await flow;
    await bookings;
    // A booking made and cancelled while the office could not hear of it never reaches the office;
    // every other booking must hold the same state on both sides.
    const known = () => {
      const both = sides(office!, central!);
      const atOffice = new Set(both.office.bookings.map((b) => (b as { id: string }).id));
      return { ...both, centralKnown: both.central.bookings.filter((b) => atOffice.has((b as { id: string }).id) || (b as { status: string }).status !== 'cancelled') };
    };
    await waitFor('the line to settle', () => synced(office!)() && JSON.stringify(known().centralKnown) === JSON.stringify(known().office.bookings), 30_000);
    const both = known();
    expect(both.office.tickets).toHaveLength(issued);
    expect(issued).toBeGreaterThan(50);
    expect(both.central.bookings.length).toBeGreaterThan(5);
    expect(both.central.bookings.filter((b) => (b as { status: string }).status === 'cancelled').length).toBeGreaterThan(1);
    expect(both.centralKnown).toEqual(both.office.bookings);
    expect(both.central.events).toEqual(both.office.events);
    expect(both.central.tickets).toEqual(both.office.tickets);
  });
});
