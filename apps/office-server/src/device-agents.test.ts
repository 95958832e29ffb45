import type { IssuedTicket, KioskState, PrintJob } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, nextEvent, startTestOffice, type TestOffice } from './testing/test-office.js';

type Issued = { ok: true } & IssuedTicket;

/** The demo office with kiosk-1's printer and desk-1's rating button on agent-1. */
const wiredOffice = () =>
  demoConfig((c) => {
    c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: 'tcp://127.0.0.1:9100', profile: 'generic-80mm' }];
    c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 }];
  });

describe('device agents: printers and rating buttons, over the /device namespace', () => {
  let office: TestOffice;
  let agent: Socket;
  let kiosk: Socket;

  beforeEach(async () => {
    office = await startTestOffice({ config: wiredOffice() });
    agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
  });
  afterEach(() => office.stop());

  const hello = (status = 'ok') =>
    command(agent, 'device:hello', { agentVersion: 'test', printers: [{ printerId: 'printer-1', status }], buttons: [{ deskId: 'desk-1', online: true }] });

  it('tells an agent which printers and buttons are its own', async () => {
    expect(await hello()).toMatchObject({
      ok: true,
      printers: [{ printerId: 'printer-1', kioskId: 'kiosk-1', uri: 'tcp://127.0.0.1:9100', profile: 'generic-80mm' }],
      buttons: [{ deskId: 'desk-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 }],
    });
  });

  it('sends the ticket to the printer and tells the kiosk it printed', async () => {
    await hello();
    agent.on('print:job', (job: PrintJob, ack: (r: unknown) => void) => ack({ printed: job.ticket.number === 'A001', status: 'ok' }));
    const printed = nextEvent<{ ticketId: string; printed: boolean }>(kiosk, 'print:result');
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments', categoryId: 'veterans' });
    expect(issued.print).toBe('queued');
    expect(await printed).toEqual({ ticketId: issued.ticket.id, printed: true, status: 'ok' });
  });

  it("prints an English ticket with the service's English name", async () => {
    await hello();
    const job = new Promise<PrintJob>((resolve) => agent.on('print:job', (j: PrintJob, ack: (r: unknown) => void) => (ack({ printed: true, status: 'ok' }), resolve(j))));
    await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments', language: 'en' });
    const printed = (await job).ticket;
    expect(printed.language).toBe('en');
    expect(printed.serviceName).toBe(office.app.context.directory.config.services.find((s) => s.id === 'payments')!.nameEn);
    expect(printed.serviceName).toMatch(/^[A-Za-z ,&-]+$/);
    // The office's own name and address in English too, where the config has them.
    expect(printed.officeName).toBe('Central customer office (demo)');
    expect(printed.officeAddress).toBe('1 Lenina St, Ensk');
  });

  it('prints a Russian ticket with the Russian office name and address', async () => {
    await hello();
    const job = new Promise<PrintJob>((resolve) => agent.on('print:job', (j: PrintJob, ack: (r: unknown) => void) => (ack({ printed: true, status: 'ok' }), resolve(j))));
    await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    const printed = (await job).ticket;
    expect([printed.officeName, printed.officeAddress, printed.serviceName]).toEqual(['ЦОК «Центральный» (демо)', 'г. Энск, ул. Ленина, 1', 'Оплата и консультации']);
  });

  it('stops promising paper when the printer is out of it, and the dashboard sees the alarm', async () => {
    await hello();
    const noPaper = nextEvent<KioskState>(kiosk, 'kiosk:state', (s) => !s.printer.paperTickets);
    expect(await command(agent, 'printer:status', { printerId: 'printer-1', status: 'paper-end' })).toEqual({ ok: true });
    expect((await noPaper).printer).toEqual({ configured: true, status: 'paper-end', paperTickets: false });
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued).toMatchObject({ ok: true, print: 'printer-unavailable', ticket: { number: 'A001' } });
    const dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    const state = await command<{ state: { devices: { kind: string; id: string; status: string }[] } }>(dashboard, 'dashboard:snapshot');
    expect(state.state.devices).toContainEqual(expect.objectContaining({ kind: 'printer', id: 'printer-1', status: 'paper-end' }));
  });

  it('lights the button after service, counts one press once, and ties it to the ticket served', async () => {
    await hello();
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: 5, seq: 1, buttonDeviceId: 7 })).toEqual({ ok: true, ticketId: null, counted: false });

    const lit = nextEvent(agent, 'rating:window', (w: { open: boolean }) => w.open);
    await command(operator, 'ticket:finish');
    expect(await lit).toEqual({ deskId: 'desk-1', open: true });

    const dark = nextEvent(agent, 'rating:window', (w: { open: boolean }) => !w.open);
    expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: 4, seq: 2, buttonDeviceId: 7 })).toEqual({ ok: true, ticketId: issued.ticket.id, counted: true });
    expect(await dark).toEqual({ deskId: 'desk-1', open: false });
    expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: 4, seq: 2, buttonDeviceId: 7 })).toEqual({ ok: true, ticketId: null, counted: false });
    const rating = office.app.context.db.prepare('SELECT rating FROM tickets WHERE id = ?').pluck().get(issued.ticket.id);
    expect(rating).toBe(4);
  });

  it("refuses another agent's desk, a wrong button id and a printer it does not own", async () => {
    expect(await command(agent, 'rating:submit', { deskId: 'desk-2', value: 5, seq: 1, buttonDeviceId: 7 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: 5, seq: 1, buttonDeviceId: 8 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: 9, seq: 1, buttonDeviceId: 7 })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await command(agent, 'printer:status', { printerId: 'printer-9', status: 'ok' })).toMatchObject({ ok: false, code: 'forbidden' });
    await expect(office.connect('/device', { token: DEMO_TOKENS.kiosk })).rejects.toMatchObject({ message: 'forbidden' });
  });
});
