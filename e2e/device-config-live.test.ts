import type { IssuedTicket, OfficeConfig } from '@talon/protocol';
import { createDeviceAgent, type AgentStatus, type DeviceAgent } from '@talon/device-agent';
import { FakeRatingButton } from '../packages/rating-button/src/testing/fake-rating-button.js';
import { hasSocat, startPtyPair, type PtyPair } from '../packages/rating-button/src/testing/pty-pair.js';
import { decodeEscPos, FakeTcpPrinter } from '@talon/ticket-printer';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';

// Devices follow the config at once, on real parts: a running agent, fake network printers on
// loopback and fake rating buttons on socat ptys. Each change is made as an administrator makes
// it (config:update on /admin) and must reach the connected agent without a restart, touching
// only what changed.

type Issued = { ok: true } & IssuedTicket;
const canRun = hasSocat || !!process.env.CI;

describe.skipIf(!canRun)('device changes in the config reach a connected agent at once', () => {
  let office: TestOffice;
  let agent: DeviceAgent;
  let admin: Socket;
  let kiosk1: Socket;
  let kiosk2: Socket;
  let operator: Socket;
  const printers: FakeTcpPrinter[] = [];
  const ptys: PtyPair[] = [];
  const buttons: FakeRatingButton[] = [];

  async function printer(): Promise<FakeTcpPrinter> {
    const started = await FakeTcpPrinter.start({ condition: 'ok' });
    printers.push(started);
    return started;
  }

  async function button(deviceId: number): Promise<{ pty: PtyPair; device: FakeRatingButton }> {
    const pty = await startPtyPair();
    ptys.push(pty);
    const device = await FakeRatingButton.open(pty.devicePath, { deviceId, replies: true });
    device.startHeartbeat(300);
    buttons.push(device);
    return { pty, device };
  }

  /** Changes the config as the admin screen does, and answers once the server has taken it. */
  async function change(edit: (config: OfficeConfig) => void): Promise<void> {
    const { config } = await command<{ ok: true; config: OfficeConfig }>(admin, 'config:get');
    edit(config);
    expect(await command(admin, 'config:update', { config })).toMatchObject({ ok: true });
  }

  const agentState = () => agent.status();
  const waitForAgent = (what: (status: AgentStatus) => boolean) =>
    vi.waitFor(() => expect(what(agentState()), JSON.stringify(agentState())).toBe(true), { timeout: 10_000, interval: 50 });

  let first: FakeTcpPrinter;
  let desk1: { pty: PtyPair; device: FakeRatingButton };

  beforeAll(async () => {
    first = await printer();
    desk1 = await button(7);
    office = await startTestOffice({
      config: demoConfig((c) => {
        c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: first.uri, profile: 'generic-80mm' }];
        c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: desk1.pty.hostPath, deviceId: 7 }];
      }),
    });
    agent = createDeviceAgent({ serverUrl: office.url, token: DEMO_TOKENS.agent, logger: pino({ level: process.env.AGENT_LOG ?? 'silent' }), agentVersion: 'e2e' });
    agent.start();
    await waitForAgent((s) => s.link === 'online' && s.printers[0]?.status === 'ok' && s.buttons[0]?.online === true);
    admin = await office.connect('/admin', { session: await office.login('admin') });
    kiosk1 = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    kiosk2 = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk2 });
    operator = await office.connect('/operator', { session: await office.login('ivanova') });
  });

  afterAll(async () => {
    await agent?.stop();
    await office?.stop();
    for (const device of buttons) await device.close().catch(() => undefined);
    for (const pty of ptys) await pty.stop();
    for (const p of printers) await p.close();
  });

  async function printsOn(kiosk: Socket, target: FakeTcpPrinter): Promise<void> {
    const before = target.jobs.length;
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued.print).toBe('queued');
    const jobs = await target.waitForJobs(before + 1);
    expect(decodeEscPos(jobs.at(-1)!).lines.join('\n')).toContain(issued.ticket.number);
  }

  it('a printer added for another kiosk prints that kiosk\'s next ticket; the first printer is not touched', async () => {
    const second = await printer();
    expect(await command<Issued>(kiosk2, 'ticket:issue', { serviceId: 'payments' })).toMatchObject({ print: 'no-printer' });
    await change((c) => c.printers.push({ id: 'printer-2', kioskId: 'kiosk-2', agentId: 'agent-1', uri: second.uri, profile: 'generic-58mm' }));
    await waitForAgent((s) => s.printers.some((p) => p.printerId === 'printer-2' && p.status === 'ok'));
    await vi.waitFor(() => expect(office.app.context.devices.printerStatus('printer-2')).toBe('ok'), { timeout: 5_000 });
    await printsOn(kiosk2, second);
    await printsOn(kiosk1, first);
    expect(agentState().printers.find((p) => p.printerId === 'printer-1')).toMatchObject({ uri: first.uri, status: 'ok' });
  });

  it('a printer moved to another address prints there from the next ticket', async () => {
    const moved = await printer();
    await change((c) => (c.printers.find((p) => p.id === 'printer-1')!.uri = moved.uri));
    await waitForAgent((s) => s.printers.some((p) => p.printerId === 'printer-1' && p.uri === moved.uri && p.status === 'ok'));
    const before = first.jobs.length;
    await printsOn(kiosk1, moved);
    expect(first.jobs.length).toBe(before);
  });

  it('a printer removed from the config is closed by the agent and the kiosk stops promising paper', async () => {
    await change((c) => (c.printers = c.printers.filter((p) => p.id !== 'printer-2')));
    await waitForAgent((s) => !s.printers.some((p) => p.printerId === 'printer-2'));
    expect(await command<Issued>(kiosk2, 'ticket:issue', { serviceId: 'payments' })).toMatchObject({ print: 'no-printer' });
    expect(office.app.context.devices.list().some((d) => d.kind === 'printer' && d.id === 'printer-2')).toBe(false);
  });

  it('a rating button added for a desk lights for the visitor just served and its press counts', async () => {
    const desk2 = await button(9);
    await change((c) => c.ratingButtons.push({ deskId: 'desk-2', agentId: 'agent-1', path: desk2.pty.hostPath, deviceId: 9 }));
    await waitForAgent((s) => s.buttons.some((b) => b.deskId === 'desk-2' && b.online));
    // Desk 1's button kept its port: it never went offline.
    expect(agentState().buttons.find((b) => b.deskId === 'desk-1')?.online).toBe(true);

    expect(await command(operator, 'desk:open', { deskId: 'desk-2' })).toMatchObject({ ok: true });
    await command<Issued>(kiosk1, 'ticket:issue', { serviceId: 'payments' });
    // Earlier tests left tickets waiting: the one rated is the one this desk calls.
    const called = await command<{ ok: true; desk: { currentTicket: { id: string } } }>(operator, 'ticket:call-next');
    const issued = { ticket: { id: called.desk.currentTicket.id } };
    await command(operator, 'ticket:start');
    const from = desk2.device.mark();
    await command(operator, 'ticket:finish');
    await desk2.device.waitFor((f) => f.type === 'L' && f.open, from, 5_000);
    await desk2.device.send({ type: 'E', deviceId: 9, seq: 1, value: 4 });
    const rating = () => office.app.context.db.prepare('SELECT rating FROM tickets WHERE id = ?').pluck().get(issued.ticket.id);
    await vi.waitFor(() => expect(rating()).toBe(4), { timeout: 5_000 });
    await command(operator, 'desk:close');
  });

  it('a button given a new path or device id is reopened with it; a press waiting in the agent is not lost', async () => {
    const replacement = await button(11);
    await change((c) => {
      const b = c.ratingButtons.find((x) => x.deskId === 'desk-1')!;
      b.path = replacement.pty.hostPath;
      b.deviceId = 11;
    });
    await waitForAgent((s) => s.buttons.some((b) => b.deskId === 'desk-1' && b.path === replacement.pty.hostPath && b.online));
    // The old unit is no longer listened to: its press is not acked.
    const from = desk1.device.mark();
    await desk1.device.send({ type: 'E', deviceId: 7, seq: 5, value: 1 });
    await expect(desk1.device.waitFor((f) => f.type === 'A', from, 800)).rejects.toThrow();
    // The new unit is acked.
    const fromNew = replacement.device.mark();
    await replacement.device.send({ type: 'E', deviceId: 11, seq: 1, value: 5 });
    await replacement.device.waitFor((f) => f.type === 'A', fromNew, 3_000);
    expect(agentState().buttons.map((b) => b.deskId).sort()).toEqual(['desk-1', 'desk-2']);
  });

  it('a button removed from the config is closed, the others stay', async () => {
    await change((c) => (c.ratingButtons = c.ratingButtons.filter((b) => b.deskId !== 'desk-2')));
    await waitForAgent((s) => s.buttons.length === 1 && s.buttons[0]!.deskId === 'desk-1' && s.buttons[0]!.online);
    expect(office.app.context.devices.list().some((d) => d.kind === 'rating-button' && d.id === 'desk-2')).toBe(false);
  });
});
