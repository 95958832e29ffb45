import type { IssuedTicket, KioskState } from '@talon/protocol';
import { createDeviceAgent, type AgentStatus, type DeviceAgent } from '@talon/device-agent';
import { decodeEscPos, FakeTcpPrinter } from '@talon/ticket-printer';
import { pino } from 'pino';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { createApplication } from '../apps/office-server/src/app.js';
import { systemClock } from '../apps/office-server/src/clock.js';
import { silentLogger } from '../apps/office-server/src/logger.js';
import { command, DEMO_TOKENS, demoConfig, nextEvent, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';

// The print path end to end on real parts: a kiosk client issues a ticket on a real office
// server, the real agent takes the job over /device and prints through TicketPrinter to a
// network printer on loopback, whose bytes are decoded back to text.

type Issued = { ok: true } & IssuedTicket;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function officeWithPrinter(printer: FakeTcpPrinter): Promise<TestOffice> {
  const office = await startTestOffice({
    config: demoConfig((c) => {
      c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: printer.uri, profile: 'generic-80mm' }];
    }),
  });
  cleanups.push(() => office.stop());
  return office;
}

async function fakePrinter(condition: 'ok' | 'paper-end'): Promise<FakeTcpPrinter> {
  const printer = await FakeTcpPrinter.start({ condition });
  cleanups.push(() => printer.close());
  return printer;
}

async function onlineAgent(office: TestOffice): Promise<DeviceAgent> {
  const agent = createDeviceAgent({ serverUrl: office.url, token: DEMO_TOKENS.agent, logger: pino({ level: 'silent' }), agentVersion: 'e2e' });
  cleanups.push(() => agent.stop());
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent not online with its printer: ${JSON.stringify(agent.status())}`)), 10_000);
    const check = (status: AgentStatus) => {
      if (status.link !== 'online' || status.printers[0]?.status === undefined || status.printers[0].status === 'unknown') return;
      clearTimeout(timer);
      agent.off('status', check);
      resolve();
    };
    agent.on('status', check);
    agent.start();
  });
  return agent;
}

describe('device agent: kiosk tickets on a network printer', () => {
  it('prints a ticket issued at the kiosk, and the bytes say its number and service', async () => {
    const printer = await fakePrinter('ok');
    const office = await officeWithPrinter(printer);
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const paper = nextEvent<KioskState>(kiosk, 'kiosk:state', (s) => s.printer.paperTickets, 10_000);
    const agent = await onlineAgent(office);
    expect((await paper).printer).toEqual({ configured: true, status: 'ok', paperTickets: true });

    const result = nextEvent<{ ticketId: string; printed: boolean; status: string }>(kiosk, 'print:result');
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued.print).toBe('queued');
    expect(await result).toEqual({ ticketId: issued.ticket.id, printed: true, status: 'ok' });

    const [job] = await printer.waitForJobs(1);
    const text = decodeEscPos(job!).lines.join('\n');
    expect(text).toContain(issued.ticket.number);
    const serviceName = demoConfig().services.find((s) => s.id === 'payments')!.name;
    expect(text).toContain(serviceName);
    // The office's address under its name (issue 15), from the demo config.
    expect(text).toContain(demoConfig().office.address!);

    // A priority ticket says which document to show at the desk (issue 15).
    const priority = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments', categoryId: 'disabled' });
    const [, priorityJob] = await printer.waitForJobs(2);
    const priorityText = decodeEscPos(priorityJob!).lines.join(' ');
    expect(priorityText).toContain(priority.ticket.number);
    expect(priorityText).toContain('Предъявите в окне: Справка МСЭ об инвалидности');

    // The agent PC switched off: no paper is promised for a printer nobody drives.
    const unpromised = nextEvent<KioskState>(kiosk, 'kiosk:state', (s) => !s.printer.paperTickets);
    await agent.stop();
    expect((await unpromised).printer).toEqual({ configured: true, status: 'offline', paperTickets: false });
  });

  it('stops promising paper when the printer answers paper end, and the dashboard shows the alarm', async () => {
    const printer = await fakePrinter('paper-end');
    const office = await officeWithPrinter(printer);
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const noPaper = nextEvent<KioskState>(kiosk, 'kiosk:state', (s) => s.printer.status === 'paper-end', 10_000);
    const agent = await onlineAgent(office);
    expect(agent.status().printers).toEqual([{ printerId: 'printer-1', kioskId: 'kiosk-1', uri: printer.uri, profile: 'generic-80mm', status: 'paper-end' }]);
    expect((await noPaper).printer).toEqual({ configured: true, status: 'paper-end', paperTickets: false });

    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued).toMatchObject({ ok: true, print: 'printer-unavailable' });
    expect(printer.jobs).toEqual([]);

    const dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    const state = await command<{ state: { devices: { kind: string; id: string; status: string; online: boolean }[] } }>(dashboard, 'dashboard:snapshot');
    expect(state.state.devices).toContainEqual(expect.objectContaining({ kind: 'printer', id: 'printer-1', status: 'paper-end', online: true }));
    expect(state.state.devices).toContainEqual(expect.objectContaining({ kind: 'agent', id: 'agent-1', online: true }));
  });

  it('finds the office server again after it restarts, says hello again and prints the next ticket', async () => {
    const printer = await fakePrinter('ok');
    const office = await officeWithPrinter(printer);
    const agent = await onlineAgent(office);
    const links: string[] = [];
    agent.on('status', (s) => links.push(s.link));

    await office.stop({ wipe: false });
    await vi.waitFor(() => expect(agent.status().link).toBe('offline'), { timeout: 10_000 });
    // The same office, database and port, as after a service restart.
    const again = createApplication({
      config: office.app.context.directory.config,
      databaseFile: join(office.dataDir, 'talon.db'),
      clock: systemClock,
      logger: silentLogger(),
      rateLimit: null,
      broadcastIntervals: { screensMs: 10, dashboardMs: 50 },
    });
    cleanups.push(() => again.close());
    await again.listen(office.port, '127.0.0.1');
    // The server takes the printer's state from the hello before it acks it, and the agent is
    // online only once that ack is back: both are waited for, not the first alone. The agent
    // retries with a growing pause of up to 10 s (its real timings), so while the office was
    // down its next try may be that far off: the wait allows one full pause and a loaded machine.
    await vi.waitFor(
      () => {
        expect(again.context.devices.printerStatus('printer-1')).toBe('ok');
        expect(links).toContain('online');
      },
      { timeout: 30_000, interval: 100 },
    );

    const kiosk = io(`${office.url}/kiosk`, { auth: { token: DEMO_TOKENS.kiosk }, transports: ['websocket'], reconnection: false });
    cleanups.push(async () => kiosk.disconnect());
    const result = nextEvent<{ printed: boolean }>(kiosk, 'print:result');
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued.print).toBe('queued');
    expect(await result).toMatchObject({ printed: true });
    const [job] = await printer.waitForJobs(1);
    expect(decodeEscPos(job!).lines.join('\n')).toContain(issued.ticket.number);
  });
});
