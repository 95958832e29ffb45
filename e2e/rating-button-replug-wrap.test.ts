import type { IssuedTicket } from '@talon/protocol';
import { createDeviceAgent, type AgentStatus, type DeviceAgent, type DeviceHardware } from '@talon/device-agent';
import { RatingButtonDriver } from '@talon/rating-button';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeRatingButton } from '../packages/rating-button/src/testing/fake-rating-button.js';
import { hasSocat, startPtyPair, type PtyPair } from '../packages/rating-button/src/testing/pty-pair.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { filedPresses, ratedEvents, ratingOf } from './support/office-ratings.js';

// A rating button's sequence numbers start again at 1 after every boot and wrap from 255 to 1.
// Neither may cost a visitor's rating or count one twice. On real parts: a socat pty pair as the
// USB cable (pulled and plugged back), a unit speaking the wire contract on the far end, the
// real device agent and driver, a real office server and its SQLite file.
const canRun = hasSocat || !!process.env.CI;
const BUTTON_ID = 7;
type Issued = { ok: true } & IssuedTicket;

// The firmware takes a press at most once a second, so a seq comes round after 254 s at the
// earliest, and the driver remembers a seq for 60 s. This test presses 254 times in a few
// seconds, so the driver's memory is shortened in proportion; the server's own rule (a seq
// among the boot's last 127 presses is a copy) is what is under test, unchanged.
const compressedTime: DeviceHardware = {
  openPrinter: () => Promise.reject(new Error('no printer in this test')),
  openButton: (path, deviceId) => new RatingButtonDriver({ path, deviceId, dedupeWindowMs: 1_000 }),
};

describe.skipIf(!canRun)('a rating button replugged after a restart, and its seq wrapping past 255', () => {
  let ptys: PtyPair;
  let unit: FakeRatingButton;
  let office: TestOffice;
  let agent: DeviceAgent;
  let kiosk: Socket;
  let operator: Socket;

  beforeAll(async () => {
    ptys = await startPtyPair();
    unit = await FakeRatingButton.open(ptys.devicePath, { deviceId: BUTTON_ID, replies: true });
    // Once a second, as the firmware beats, on since four hours: the driver reads the boot time
    // off the uptime.
    unit.startHeartbeat(1_000, 4 * 3600);
    office = await startTestOffice({
      config: demoConfig((c) => {
        c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: ptys.hostPath, deviceId: BUTTON_ID }];
      }),
    });
    agent = createDeviceAgent({ serverUrl: office.url, token: DEMO_TOKENS.agent, logger: pino({ level: 'silent' }), agentVersion: 'e2e' }, compressedTime);
    agent.start();
    await buttonOnline(true);
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    operator = await office.connect('/operator', { session: await office.login('ivanova') });
    expect(await command(operator, 'desk:open', { deskId: 'desk-1' })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await agent?.stop();
    await office?.stop();
    await unit?.close().catch(() => undefined);
    await ptys?.stop();
  });

  const buttonOnline = (online: boolean) =>
    vi.waitFor(() => expect((agent.status() as AgentStatus).buttons[0]?.online, JSON.stringify(agent.status())).toBe(online), {
      timeout: 10_000,
      interval: 50,
    });
  const presses = () => filedPresses(office, 'desk-1');
  const pressesOf = (ticketId: string) => presses().filter((p) => p.ticketId === ticketId);

  async function serveOneVisitor(): Promise<string> {
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true, desk: { currentTicket: { id: issued.ticket.id } } });
    expect(await command(operator, 'ticket:start')).toMatchObject({ ok: true });
    expect(await command(operator, 'ticket:finish')).toMatchObject({ ok: true });
    return issued.ticket.id;
  }

  async function pressFor(ticketId: string, seq: number, value: number): Promise<void> {
    const before = unit.received.filter((frame) => frame.type === 'A' && frame.seq === seq).length;
    await unit.send({ type: 'E', deviceId: BUTTON_ID, seq, value });
    await vi.waitFor(() => expect(ratingOf(office, ticketId)).toBe(value), { timeout: 5_000, interval: 25 });
    // Acked, as the firmware needs to put its light out.
    await vi.waitFor(() => expect(unit.received.filter((frame) => frame.type === 'A' && frame.seq === seq).length).toBeGreaterThan(before), {
      timeout: 3_000,
    });
  }

  it('counts the first press of a unit replugged after a restart, though its seq and value repeat the last press', async () => {
    const morning = await serveOneVisitor();
    await pressFor(morning, 1, 5);

    // The cable is pulled and a restarted unit plugged back: new nodes on the same path, a boot
    // banner, uptime from 0, and seq 1 again with the same value for the next visitor.
    unit.stopHeartbeat();
    await unit.close();
    await ptys.unplug();
    await buttonOnline(false);
    await ptys.replug();
    unit = await FakeRatingButton.open(ptys.devicePath, { deviceId: BUTTON_ID, replies: true });
    await unit.send({ type: 'B', deviceId: BUTTON_ID, firmware: '1.0' });
    unit.startHeartbeat(1_000);
    await buttonOnline(true);

    const next = await serveOneVisitor();
    await pressFor(next, 1, 5);
    // A retransmit of that press (the ack lost on the wire) still counts once.
    await unit.send({ type: 'E', deviceId: BUTTON_ID, seq: 1, value: 5 });
    await sleep(500);

    expect(ratingOf(office, morning)).toBe(5);
    expect(ratedEvents(office, morning)).toEqual([5]);
    expect(ratedEvents(office, next)).toEqual([5]);
    expect(pressesOf(next).map((p) => p.outcome)).not.toContain('repeat');
  });

  it('counts seq 255 and then seq 1 of the same boot, each once', async () => {
    // A day of presses with no window open (a child playing with the button): seqs 2..254 are
    // acked and filed, none counts. Then two visitors rate across the wrap.
    for (let seq = 2; seq <= 254; seq++) await unit.send({ type: 'E', deviceId: BUTTON_ID, seq, value: 1 + (seq % 5) });
    await vi.waitFor(() => expect(presses().filter((p) => p.outcome === 'no-window').length).toBeGreaterThanOrEqual(253), { timeout: 15_000 });

    await sleep(1_100);
    const beforeWrap = await serveOneVisitor();
    await pressFor(beforeWrap, 255, 3);
    const afterWrap = await serveOneVisitor();
    await pressFor(afterWrap, 1, 5);
    await unit.send({ type: 'E', deviceId: BUTTON_ID, seq: 1, value: 5 });
    await sleep(500);

    expect(ratedEvents(office, beforeWrap)).toEqual([3]);
    expect(ratedEvents(office, afterWrap)).toEqual([5]);
    expect(pressesOf(afterWrap).map((p) => p.outcome)).not.toContain('repeat');
    const rated = (await command<{ state: { ratings: { count: number } } }>(await office.connect('/dashboard', { session: await office.login('head') }), 'dashboard:snapshot')).state.ratings.count;
    expect(rated).toBe(4);
  });
});
