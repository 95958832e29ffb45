import type { IssuedTicket, OfficeConfig } from '@talon/protocol';
import { createDeviceAgent, type AgentStatus, type DeviceAgent } from '@talon/device-agent';
import { FakeRatingButton } from '../packages/rating-button/src/testing/fake-rating-button.js';
import { hasSocat, startPtyPair, type PtyPair } from '../packages/rating-button/src/testing/pty-pair.js';
import { decodeEscPos, FakeTcpPrinter, type DecodedEscPos } from '@talon/ticket-printer';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { ratedEvents, ratingOf } from './support/office-ratings.js';

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
  /** Where printer-1 prints now: `first`, then the address it is moved to. */
  let printer1: FakeTcpPrinter;
  let desk1: { pty: PtyPair; device: FakeRatingButton };

  beforeAll(async () => {
    first = await printer();
    printer1 = first;
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

  /** Issues a ticket at `kiosk` and answers the paper that came out of `target`, decoded. */
  async function printsOn(kiosk: Socket, target: FakeTcpPrinter): Promise<DecodedEscPos> {
    const before = target.jobs.length;
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued.print).toBe('queued');
    const jobs = await target.waitForJobs(before + 1);
    const paper = decodeEscPos(jobs.at(-1)!);
    expect(paper.lines.join('\n')).toContain(issued.ticket.number);
    return paper;
  }

  const widestLine = (paper: DecodedEscPos) => Math.max(...paper.lines.map((line) => line.length));

  /**
   * Holds every rating:submit the agent sends until `release()`, as a server that is slow to
   * answer does: the agent has acked the button, so its outbox holds the only copy meanwhile.
   * Socket.IO runs `onAny` listeners (the command router) before `socket.use` middleware, so the
   * packet is held where the server socket takes it in.
   */
  function holdRatingSubmits(): { readonly held: number; release(): void } {
    type Packet = { data?: unknown[] };
    type Intake = { onevent(packet: Packet): void };
    const waiting: (() => void)[] = [];
    let holding = true;
    for (const socket of office.app.io.of('/device').sockets.values()) {
      const intake = socket as unknown as Intake;
      const takeIn = intake.onevent.bind(socket);
      intake.onevent = (packet) => {
        if (holding && packet.data?.[0] === 'rating:submit') waiting.push(() => takeIn(packet));
        else takeIn(packet);
      };
    }
    return {
      get held() {
        return waiting.length;
      },
      release() {
        holding = false;
        for (const takeIn of waiting.splice(0)) takeIn();
      },
    };
  }


  /** Serves the next waiting visitor at the operator's open desk; answers that ticket's id once its button is lit. */
  async function serveNext(unit: FakeRatingButton): Promise<string> {
    await command<Issued>(kiosk1, 'ticket:issue', { serviceId: 'payments' });
    // Earlier tests left tickets waiting: the one rated is the one this desk calls.
    const called = await command<{ ok: true; desk: { currentTicket: { id: string } } }>(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    const from = unit.mark();
    await command(operator, 'ticket:finish');
    await unit.waitFor((f) => f.type === 'L' && f.open, from, 5_000);
    return called.desk.currentTicket.id;
  }

  /** The unit sends a press and gets it acked: its light is out, the agent has it. */
  async function pressAcked(unit: FakeRatingButton, deviceId: number, seq: number, value: number): Promise<void> {
    const from = unit.mark();
    await unit.send({ type: 'E', deviceId, seq, value: value as 1 | 2 | 3 | 4 | 5 });
    await unit.waitFor((f) => f.type === 'A' && f.seq === seq, from, 3_000);
  }

  /** A press from an id the agent does not listen to is not acked. */
  async function pressIgnored(unit: FakeRatingButton, deviceId: number, seq: number): Promise<void> {
    const from = unit.mark();
    await unit.send({ type: 'E', deviceId, seq, value: 1 });
    await expect(unit.waitFor((f) => f.type === 'A', from, 800)).rejects.toThrow();
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
    printer1 = moved;
    const before = first.jobs.length;
    await printsOn(kiosk1, moved);
    expect(first.jobs.length).toBe(before);
  });

  it('a printer given another profile (80 -> 58 mm paper) lays out the next ticket for the new paper', async () => {
    const wide = await printsOn(kiosk1, printer1);
    expect(widestLine(wide)).toBe(48);
    expect(wide.qrCodes[0]?.moduleSize).toBe(6);

    await change((c) => (c.printers.find((p) => p.id === 'printer-1')!.profile = 'generic-58mm'));
    await waitForAgent((s) => s.printers.some((p) => p.printerId === 'printer-1' && p.profile === 'generic-58mm' && p.status === 'ok'));
    const narrow = await printsOn(kiosk1, printer1);
    // 32 columns: the rules across the ticket, and no line wider than the paper.
    expect(widestLine(narrow)).toBe(32);
    expect(narrow.lines).toContain('-'.repeat(32));
    expect(narrow.qrCodes[0]?.moduleSize).toBe(5);
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

  it('a button given a new device id alone, on the same path, is reopened listening to that id', async () => {
    // The unit on desk 1's cable is swapped for one whose EEPROM says 8 (or the id in the config
    // was wrong): the same port, another id.
    desk1.device.stopHeartbeat();
    await desk1.device.close();
    desk1.device = await FakeRatingButton.open(desk1.pty.devicePath, { deviceId: 8, replies: true });
    desk1.device.startHeartbeat(300);
    buttons.push(desk1.device);
    await change((c) => (c.ratingButtons.find((b) => b.deskId === 'desk-1')!.deviceId = 8));
    await waitForAgent((s) => s.buttons.some((b) => b.deskId === 'desk-1' && b.path === desk1.pty.hostPath && b.deviceId === 8 && b.online));
    await pressAcked(desk1.device, 8, 1, 2);
    await pressIgnored(desk1.device, 7, 2);
    // Desk 2's button was left alone.
    expect(agentState().buttons.find((b) => b.deskId === 'desk-2')).toMatchObject({ deviceId: 9, online: true });
  });

  it("a press waiting in the agent when its desk's button gets a new path and id lands once on the visitor served; the new unit rates the next", async () => {
    expect(await command(operator, 'desk:open', { deskId: 'desk-1' })).toMatchObject({ ok: true });
    const served = await serveNext(desk1.device);
    // The server is slow to answer: the press is acked on the wire and waits in the agent.
    const slowServer = holdRatingSubmits();
    await pressAcked(desk1.device, 8, 2, 3);
    await vi.waitFor(() => expect(slowServer.held).toBeGreaterThan(0), { timeout: 5_000 });
    expect(ratingOf(office, served)).toBeNull();

    // Meanwhile the desk's button is replaced: a new unit, id 11, on another port.
    const replacement = await button(11);
    await change((c) => {
      const b = c.ratingButtons.find((x) => x.deskId === 'desk-1')!;
      b.path = replacement.pty.hostPath;
      b.deviceId = 11;
    });
    await waitForAgent((s) => s.buttons.some((b) => b.deskId === 'desk-1' && b.path === replacement.pty.hostPath && b.deviceId === 11 && b.online));
    slowServer.release();
    await vi.waitFor(() => expect(ratingOf(office, served)).toBe(3), { timeout: 10_000 });

    // The old unit is no longer listened to; the new one rates the next visitor.
    await pressIgnored(desk1.device, 8, 3);
    const next = await serveNext(replacement.device);
    await pressAcked(replacement.device, 11, 1, 5);
    await vi.waitFor(() => expect(ratingOf(office, next)).toBe(5), { timeout: 5_000 });
    // Long enough for a copy the agent re-sent while the server was slow to arrive and be dropped.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(ratedEvents(office, served)).toEqual([3]);
    expect(ratedEvents(office, next)).toEqual([5]);
    expect(agentState().buttons.map((b) => b.deskId).sort()).toEqual(['desk-1', 'desk-2']);
    await command(operator, 'desk:close');
  });

  it('a button removed from the config is closed, the others stay', async () => {
    await change((c) => (c.ratingButtons = c.ratingButtons.filter((b) => b.deskId !== 'desk-2')));
    await waitForAgent((s) => s.buttons.length === 1 && s.buttons[0]!.deskId === 'desk-1' && s.buttons[0]!.online);
    expect(office.app.context.devices.list().some((d) => d.kind === 'rating-button' && d.id === 'desk-2')).toBe(false);
  });
});
