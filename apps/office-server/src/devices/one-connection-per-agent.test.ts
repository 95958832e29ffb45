import type { IssuedTicket, PrintJob } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, nextEvent, startTestOffice, type TestOffice } from '../testing/test-office.js';

type Issued = { ok: true } & IssuedTicket;

const wiredOffice = () =>
  demoConfig((c) => {
    c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: 'tcp://127.0.0.1:9100', profile: 'generic-80mm' }];
  });

/** An agent stand-in that says hello with a ready printer and prints (counts) every job it gets. */
async function printingAgent(office: TestOffice, token: string): Promise<{ socket: Socket; jobs: string[] }> {
  const socket = await office.connect('/device', { token });
  const jobs: string[] = [];
  socket.on('print:job', (job: PrintJob, ack: (r: unknown) => void) => {
    jobs.push(job.ticket.number);
    ack({ printed: true, status: 'ok' });
  });
  await command(socket, 'device:hello', { agentVersion: 'test', printers: [{ printerId: 'printer-1', status: 'ok' }], buttons: [] });
  return { socket, jobs };
}

describe('one connection per device agent', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  it('lets the newer connection of an agent replace the older one, so a ticket prints once', async () => {
    office = await startTestOffice({ config: wiredOffice() });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const older = await printingAgent(office, DEMO_TOKENS.agent);
    const closed = nextEvent<string>(older.socket, 'disconnect');
    const newer = await printingAgent(office, DEMO_TOKENS.agent);
    expect(await closed).toBe('io server disconnect');

    for (const expected of ['A001', 'A002']) {
      const printed = nextEvent<{ printed: boolean }>(kiosk, 'print:result');
      const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
      expect(issued).toMatchObject({ print: 'queued', ticket: { number: expected } });
      expect(await printed).toMatchObject({ printed: true });
    }
    expect(newer.jobs).toEqual(['A001', 'A002']);
    expect(older.jobs).toEqual([]);
  });

  it('keeps the agent and its printer online on the dashboard across the replacement', async () => {
    office = await startTestOffice({ config: wiredOffice() });
    await printingAgent(office, DEMO_TOKENS.agent);
    await printingAgent(office, DEMO_TOKENS.agent);
    const dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    const { state } = await command<{ state: { devices: { kind: string; id: string; online: boolean }[] } }>(dashboard, 'dashboard:snapshot');
    expect(state.devices).toContainEqual(expect.objectContaining({ kind: 'agent', id: 'agent-1', online: true }));
    expect(state.devices).toContainEqual(expect.objectContaining({ kind: 'printer', id: 'printer-1', online: true }));
  });

  it("leaves another agent's connection alone: the demo's second agent is for a desk PC", async () => {
    office = await startTestOffice({ config: wiredOffice() });
    const server = await printingAgent(office, DEMO_TOKENS.agent);
    const deskPc = await office.connect('/device', { token: DEMO_TOKENS.agent2 });
    expect(await command(deskPc, 'device:hello', { agentVersion: 'test', printers: [], buttons: [] })).toEqual({ ok: true, printers: [], buttons: [], printerNetwork: expect.any(Array) });
    expect(server.socket.connected).toBe(true);
  });
});
