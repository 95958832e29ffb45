import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentStatus, DeviceAgent } from './device-agent-types.js';
import { createDeviceAgent } from './device-agent.js';
import { fakeHardware, type FakeHardware } from './testing/fake-hardware.js';

// The agent against a small Socket.IO server on loopback that plays the office's /device
// namespace, with fake printers and buttons: the link, the messages and their order are real.

const silent = pino({ level: 'silent' });
const FAST = { statusPollMs: 50, refusedRetryMs: 50, reconnectDelayMs: 20, reconnectDelayMaxMs: 50, ackTimeoutMs: 1_000 };

const job = (printerId = 'printer-1') => ({
  jobId: 'p1',
  printerId,
  ticketId: 't1',
  ticket: { officeName: 'Офис', number: 'A001', serviceName: 'Оплата', issuedAt: Date.UTC(2026, 0, 1), timeZone: 'Europe/Moscow', peopleAhead: 0, estimatedWaitMin: null, language: 'ru' },
});

interface FakeOffice {
  url: string;
  hellos: { printers: unknown[]; buttons: unknown[] }[];
  reports: { event: string; payload: Record<string, unknown> }[];
  sockets: ServerSocket[];
  accept: boolean;
  /** Desks whose window the office re-opens during hello, as the real server does. */
  openWindows: string[];
  /** Replaces the assignments in the answer to hello. */
  helloAnswer?: unknown;
  close(): Promise<void>;
}

async function fakeOffice(assigned = {
  printers: [{ printerId: 'printer-1', kioskId: 'kiosk-1', uri: 'tcp://10.0.0.5:9100', profile: 'generic-80mm' }],
  buttons: [{ deskId: 'desk-1', path: '/dev/serial/by-id/usb-talon-7', deviceId: 7 }],
}): Promise<FakeOffice> {
  const http = createServer();
  const io = new Server(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const office: FakeOffice = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    hellos: [],
    reports: [],
    sockets: [],
    accept: true,
    openWindows: [],
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
  const device = io.of('/device');
  device.use((socket, next) => {
    if (office.accept && socket.handshake.auth.token === 'agent-token') return next();
    next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized', message: 'unknown device token' } }));
  });
  device.on('connection', (socket) => {
    office.sockets.push(socket);
    socket.on('device:hello', (hello, ack) => {
      office.hellos.push(hello);
      for (const deskId of office.openWindows) socket.emit('rating:window', { deskId, open: true });
      ack(office.helloAnswer ?? { ok: true, ...assigned });
    });
    for (const event of ['printer:status', 'button:status', 'rating:submit']) {
      socket.on(event, (payload, ack) => {
        office.reports.push({ event, payload });
        ack(event === 'rating:submit' ? { ok: true, ticketId: 't1', counted: true } : { ok: true });
      });
    }
  });
  cleanups.push(() => office.close());
  return office;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

function startAgent(office: FakeOffice, hardware: FakeHardware, options: { token?: string; localPaths?: { printerUri?: Record<string, string>; buttonPath?: Record<string, string> } } = {}): DeviceAgent {
  const agent = createDeviceAgent(
    { serverUrl: `${office.url}/`, token: options.token ?? 'agent-token', logger: silent, agentVersion: 'test', ...(options.localPaths && { localPaths: options.localPaths }) },
    hardware,
    FAST,
  );
  cleanups.push(() => agent.stop());
  agent.start();
  return agent;
}

const online = (agent: DeviceAgent) => vi.waitFor(() => expect(agent.status().link).toBe('online'));
const reported = (office: FakeOffice, event: string, payload: Record<string, unknown>) =>
  vi.waitFor(() => expect(office.reports).toContainEqual({ event, payload }));

describe('device agent', () => {
  it('says hello, opens what it is given, reports states and prints a job', async () => {
    const office = await fakeOffice();
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    expect(agent.status()).toEqual({ link: 'connecting', printers: [], buttons: [] });
    const statuses: AgentStatus[] = [];
    agent.on('status', (s) => statuses.push(s));
    await online(agent);
    expect(office.hellos).toEqual([{ agentVersion: 'test', printers: [], buttons: [] }]);
    await reported(office, 'printer:status', { printerId: 'printer-1', status: 'ok' });
    await reported(office, 'button:status', { deskId: 'desk-1', online: false });
    expect(hardware.printers.map((p) => [p.uri, p.profile])).toEqual([['tcp://10.0.0.5:9100', 'generic-80mm']]);
    expect(hardware.buttons.map((b) => [b.path, b.deviceId, b.started])).toEqual([['/dev/serial/by-id/usb-talon-7', 7, true]]);
    expect(agent.status()).toEqual({
      link: 'online',
      printers: [{ printerId: 'printer-1', kioskId: 'kiosk-1', uri: 'tcp://10.0.0.5:9100', profile: 'generic-80mm', status: 'ok' }],
      buttons: [{ deskId: 'desk-1', path: '/dev/serial/by-id/usb-talon-7', deviceId: 7, online: false }],
    });
    expect(statuses.at(-1)).toEqual(agent.status());

    expect(await office.sockets[0]!.timeout(1_000).emitWithAck('print:job', job())).toEqual({ printed: true, status: 'ok' });
    expect(hardware.printers[0]!.printed.map((t) => [t.number, t.issuedAt.toISOString()])).toEqual([['A001', '2026-01-01T00:00:00.000Z']]);

    hardware.printers[0]!.condition = 'paper-end';
    expect(await office.sockets[0]!.timeout(1_000).emitWithAck('print:job', job())).toEqual({ printed: false, status: 'paper-end' });
    expect(hardware.printers[0]!.printed).toHaveLength(1);
  });

  it('says the printer state after a job, for a server that stopped waiting for the answer', async () => {
    const office = await fakeOffice();
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await online(agent);
    await reported(office, 'printer:status', { printerId: 'printer-1', status: 'ok' });
    const before = office.reports.length;
    hardware.printers[0]!.delayMs = 100;
    office.sockets[0]!.timeout(1).emit('print:job', job(), () => undefined);
    await vi.waitFor(() => expect(office.reports.slice(before)).toEqual([{ event: 'printer:status', payload: { printerId: 'printer-1', status: 'ok' } }]));
    expect(hardware.printers[0]!.printed).toHaveLength(1);
  });

  it('answers a bad job without printing, shrugs off junk, and keeps working', async () => {
    const office = await fakeOffice();
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await online(agent);
    await reported(office, 'printer:status', { printerId: 'printer-1', status: 'ok' });
    const server = office.sockets[0]!.timeout(1_000);
    expect(await server.emitWithAck('print:job', { jobId: 'p1' })).toEqual({ printed: false, status: 'unknown' });
    expect(await server.emitWithAck('print:job', job('printer-9'))).toEqual({ printed: false, status: 'offline' });
    expect(await server.emitWithAck('print:job', { ...job(), ticket: { ...job().ticket, number: 'номер' } })).toEqual({ printed: false, status: 'ok' });
    office.sockets[0]!.emit('print:job', job());
    office.sockets[0]!.emit('print:job');
    office.sockets[0]!.emit('rating:window', { deskId: 42 });
    office.sockets[0]!.emit('rating:window', { deskId: 'desk-9', open: true });
    await vi.waitFor(() => expect(hardware.printers[0]!.printed).toHaveLength(1));
    expect(await server.emitWithAck('print:job', job())).toEqual({ printed: true, status: 'ok' });
    expect(agent.status().link).toBe('online');
  });

  it('lights the button when told, passes a press on with its desk, and says when the button comes and goes', async () => {
    const office = await fakeOffice();
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await online(agent);
    const button = hardware.buttons[0]!;
    office.sockets[0]!.emit('rating:window', { deskId: 'desk-1', open: true });
    await vi.waitFor(() => expect(button.isWindowOpen).toBe(true));
    button.goOnline(true);
    await reported(office, 'button:status', { deskId: 'desk-1', online: true });
    expect(agent.status().buttons[0]!.online).toBe(true);
    button.press(4);
    await reported(office, 'rating:submit', { deskId: 'desk-1', value: 4, seq: 1, buttonDeviceId: 7 });
    office.sockets[0]!.emit('rating:window', { deskId: 'desk-1', open: false });
    button.goOnline(false);
    await reported(office, 'button:status', { deskId: 'desk-1', online: false });
    expect(office.reports.filter((r) => r.event === 'rating:submit')).toHaveLength(1);
  });

  it('comes back after the server drops it: hello again with the last states, same devices, a forgotten window darkened', async () => {
    const office = await fakeOffice();
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await online(agent);
    await reported(office, 'printer:status', { printerId: 'printer-1', status: 'ok' });
    office.sockets[0]!.emit('rating:window', { deskId: 'desk-1', open: true });
    await vi.waitFor(() => expect(hardware.buttons[0]!.isWindowOpen).toBe(true));
    hardware.buttons[0]!.goOnline(true);
    await reported(office, 'button:status', { deskId: 'desk-1', online: true });

    office.sockets[0]!.disconnect(true);
    await vi.waitFor(() => expect(office.hellos).toHaveLength(2));
    await online(agent);
    expect(office.hellos[1]).toEqual({ agentVersion: 'test', printers: [{ printerId: 'printer-1', status: 'ok' }], buttons: [{ deskId: 'desk-1', online: true }] });
    expect(hardware.printers).toHaveLength(1);
    expect(hardware.buttons).toHaveLength(1);
    expect(hardware.buttons[0]!.isWindowOpen).toBe(false);
  });

  it('keeps a window the server re-opens during hello', async () => {
    const office = await fakeOffice();
    office.openWindows = ['desk-1'];
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await online(agent);
    // The first hello's window arrives before the button exists; it must still light.
    expect(hardware.buttons[0]!.isWindowOpen).toBe(true);
    office.sockets[0]!.disconnect(true);
    await vi.waitFor(() => expect(office.hellos).toHaveLength(2));
    await online(agent);
    expect(hardware.buttons[0]!.isWindowOpen).toBe(true);
  });

  it('holds a press made while the server is away and delivers it once the link is back', async () => {
    const office = await fakeOffice();
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await online(agent);
    office.accept = false;
    office.sockets[0]!.disconnect(true);
    await vi.waitFor(() => expect(agent.status().link).toBe('refused'));
    expect(agent.status().refusal).toBe('unknown device token');
    hardware.buttons[0]!.press(2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(office.reports.filter((r) => r.event === 'rating:submit')).toEqual([]);
    office.accept = true;
    await reported(office, 'rating:submit', { deskId: 'desk-1', value: 2, seq: 1, buttonDeviceId: 7 });
    expect(agent.status().link).toBe('online');
  });

  it('follows the printer between polls, says so once per change, and reports a printer it cannot open as in error', async () => {
    const office = await fakeOffice({
      printers: [
        { printerId: 'printer-1', kioskId: 'kiosk-1', uri: 'tcp://10.0.0.5:9100', profile: 'generic-80mm' },
        { printerId: 'printer-2', kioskId: 'kiosk-2', uri: 'bogus', profile: 'generic-80mm' },
      ],
      buttons: [],
    });
    const hardware = fakeHardware({ refuseUri: 'bogus' });
    const agent = startAgent(office, hardware);
    await online(agent);
    await reported(office, 'printer:status', { printerId: 'printer-2', status: 'error' });
    await reported(office, 'printer:status', { printerId: 'printer-1', status: 'ok' });
    hardware.printers[0]!.condition = 'paper-end';
    await reported(office, 'printer:status', { printerId: 'printer-1', status: 'paper-end' });
    await vi.waitFor(() => expect(hardware.printers[0]!.statusQuestions).toBeGreaterThan(4));
    const printer1 = office.reports.filter((r) => r.event === 'printer:status' && r.payload.printerId === 'printer-1');
    expect(printer1.map((r) => r.payload.status)).toEqual(['ok', 'paper-end']);
  });

  it('opens no printer the office config points outside the closed list, and follows the printerNetwork it is sent', async () => {
    const office = await fakeOffice({
      printers: [
        { printerId: 'printer-1', kioskId: 'kiosk-1', uri: 'file:/etc/cron.d/talon', profile: 'generic-80mm' },
        { printerId: 'printer-2', kioskId: 'kiosk-2', uri: 'tcp://203.0.113.9:9100', profile: 'generic-80mm' },
        { printerId: 'printer-3', kioskId: 'kiosk-3', uri: 'tcp://192.168.1.50:9100', profile: 'generic-80mm' },
      ],
      buttons: [],
    });
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await online(agent);
    await reported(office, 'printer:status', { printerId: 'printer-1', status: 'error' });
    await reported(office, 'printer:status', { printerId: 'printer-2', status: 'error' });
    expect(hardware.printers.map((p) => p.uri)).toEqual(['tcp://192.168.1.50:9100']);

    // The office widens its printer network: the change reaches the agent and the printer opens.
    office.sockets[0]!.emit('devices:assigned', {
      printers: [{ printerId: 'printer-2', kioskId: 'kiosk-2', uri: 'tcp://203.0.113.9:9100', profile: 'generic-80mm' }],
      buttons: [],
      printerNetwork: ['203.0.113.0/24'],
    });
    await vi.waitFor(() => expect(hardware.printers.map((p) => p.uri)).toContain('tcp://203.0.113.9:9100'));
  });

  it("uses this PC's own paths when told, and stop() lets go of every device", async () => {
    const office = await fakeOffice();
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware, { localPaths: { printerUri: { 'printer-1': 'file:/tmp/kiosk.bin' }, buttonPath: { 'desk-1': '/dev/ttyACM3' } } });
    await online(agent);
    expect(hardware.printers[0]!.uri).toBe('file:/tmp/kiosk.bin');
    expect(hardware.buttons[0]!.path).toBe('/dev/ttyACM3');
    await agent.stop();
    expect(hardware.printers[0]!.closed).toBe(true);
    expect(hardware.buttons[0]!.closed).toBe(true);
    expect(agent.status()).toEqual({ link: 'offline', printers: [], buttons: [] });
    await vi.waitFor(() => expect(office.sockets[0]!.connected).toBe(false));
  });

  it('stands refused when the server turns its hello down, and says hello again later', async () => {
    const office = await fakeOffice();
    office.helloAnswer = { ok: false, code: 'invalid-payload', message: 'agentVersion: too long' };
    const hardware = fakeHardware();
    const agent = startAgent(office, hardware);
    await vi.waitFor(() => expect(agent.status()).toMatchObject({ link: 'refused', refusal: 'agentVersion: too long' }));
    expect(hardware.printers).toEqual([]);
    office.helloAnswer = undefined;
    await online(agent);
    expect(office.hellos.length).toBeGreaterThanOrEqual(2);
    expect(hardware.printers).toHaveLength(1);
  });

  it('is refused with the server\'s reason for a wrong token, and keeps asking', async () => {
    const office = await fakeOffice();
    const agent = startAgent(office, fakeHardware(), { token: 'wrong' });
    await vi.waitFor(() => expect(agent.status()).toMatchObject({ link: 'refused', refusal: 'unknown device token' }));
    expect(office.hellos).toEqual([]);
  });
});
