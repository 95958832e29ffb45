import { OFFICE_NAMESPACE, type DashboardState } from '@talon/protocol';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, nextEvent, startTestOffice, type TestOffice } from '../testing/test-office.js';

/**
 * A stand-in for the central service that greets the office and keeps every pushed event
 * unacknowledged while `holdEvents` is set, so the office's outbox has something waiting.
 */
async function startFakeCentral() {
  const httpServer = createServer();
  const io = new Server(httpServer);
  const central = { holdEvents: true, pushes: 0 };
  io.of(OFFICE_NAMESPACE).on('connection', (socket) => {
    socket.on('office:hello', (_payload, ack: (a: unknown) => void) => ack({ ok: true, bookingsVersion: 0 }));
    socket.on('bookings:pull', (_payload, ack: (a: unknown) => void) => ack({ ok: true, changes: [], version: 0, more: false }));
    socket.on('events:push', (payload: { messages: { eventId: string }[] }, ack: (a: unknown) => void) => {
      central.pushes += 1;
      ack({ ok: true, acked: central.holdEvents ? [] : payload.messages.map((m) => m.eventId) });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    central,
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

type Health = { status: string; central: { state: string } };

describe('GET /healthz tells the link to the central service', () => {
  let office: TestOffice | undefined;
  let fake: Awaited<ReturnType<typeof startFakeCentral>> | undefined;
  afterEach(async () => {
    await office?.stop();
    await fake?.stop();
    office = fake = undefined;
  });
  const health = async () => (await (await fetch(`${office!.url}/healthz`)).json()) as Health;
  /** The backlog is on /metrics (loopback may read it without a token), not on the public /healthz. */
  const unsent = async () => Number(/^talon_central_unsent_events (\d+)$/m.exec(await (await fetch(`${office!.url}/metrics`)).text())?.[1]);

  it('says offline, with the events waiting, when central cannot be reached; the office is still ok', async () => {
    // Port 9 on loopback: nothing listens there, the link never comes up.
    office = await startTestOffice({ central: { centralUrl: 'http://127.0.0.1:9', officeKey: 'demo-office-key-0001' } });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(await health()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number), central: { state: 'offline' } });
    expect(await unsent()).toBe(2);

    const dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    const { state } = await command<{ state: DashboardState }>(dashboard, 'dashboard:snapshot');
    expect(state.central).toEqual({ state: 'offline', unsent: 2, lastAckedAt: null });
  });

  it('says online once central greets the office, and counts what central has not yet acknowledged', async () => {
    fake = await startFakeCentral();
    office = await startTestOffice({ central: { centralUrl: fake.url, officeKey: 'demo-office-key-0001' } });
    await expect.poll(async () => (await health()).central.state).toBe('online');
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await expect.poll(() => fake!.central.pushes).toBeGreaterThan(0);
    expect(await health()).toMatchObject({ central: { state: 'online' } });
    expect(await unsent()).toBe(1);

    fake.central.holdEvents = false;
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await expect.poll(unsent).toBe(0);

    // The link drops with nothing else happening in the office: the dashboard hears of it anyway.
    const dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    const heard = nextEvent<DashboardState>(dashboard, 'dashboard:state', (s) => s.central.state === 'offline', 6_000);
    await fake.stop();
    fake = undefined;
    expect((await heard).central).toMatchObject({ state: 'offline', unsent: 0 });
    expect((await health()).central.state).toBe('offline');
  });
});
