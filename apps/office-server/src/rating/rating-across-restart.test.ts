import type { IssuedTicket } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, nextEvent, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { createRatingPresses } from './rating-presses.js';

type Issued = { ok: true } & IssuedTicket;

const wiredOffice = () =>
  demoConfig((c) => {
    c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 }];
  });

async function connectAgent(office: TestOffice): Promise<Socket> {
  const agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
  await command(agent, 'device:hello', { agentVersion: 'test', printers: [], buttons: [{ deskId: 'desk-1', online: true }] });
  return agent;
}

/** Issues a ticket, serves it at desk 1 and waits until the desk's button is lit for it. */
async function serveOne(office: TestOffice, agent: Socket): Promise<string> {
  const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
  const operator = await office.connect('/operator', { session: await office.login('ivanova') });
  const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
  await command(operator, 'desk:open', { deskId: 'desk-1' });
  expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true });
  await command(operator, 'ticket:start');
  const lit = nextEvent(agent, 'rating:window', (w: { open: boolean }) => w.open);
  await command(operator, 'ticket:finish');
  await lit;
  operator.disconnect();
  return issued.ticket.id;
}

describe('a rating press heard twice, with a server restart between', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  it("counts once, on the first visitor's ticket, and the press log shows the repeat", async () => {
    office = await startTestOffice({ config: wiredOffice() });
    const dataDir = office.dataDir;
    const first = await serveOne(office, await connectAgent(office));
    const press = { deskId: 'desk-1', value: 5, seq: 9, buttonDeviceId: 7 };
    // Counted; say the ack is lost on the way back, so the agent keeps the press to send again.
    expect(await command(await connectAgent(office), 'rating:submit', press)).toEqual({ ok: true, ticketId: first, counted: true });
    await office.stop({ wipe: false });

    office = await startTestOffice({ config: wiredOffice(), dataDir });
    const agent = await connectAgent(office);
    const second = await serveOne(office, agent);
    // The next visitor's window is open when the old copy arrives: it must not become their rating.
    expect(await command(agent, 'rating:submit', press)).toEqual({ ok: true, ticketId: null, counted: false });
    expect(await command(agent, 'rating:submit', { ...press, value: 3, seq: 10 })).toEqual({ ok: true, ticketId: second, counted: true });

    const ratings = office.app.context.db.prepare('SELECT id, rating FROM tickets WHERE id IN (?, ?) ORDER BY issued_at').all(first, second);
    expect(ratings).toEqual([
      { id: first, rating: 5 },
      { id: second, rating: 3 },
    ]);
    const log = createRatingPresses(office.app.context.db, Date.now).ofDesk('desk-1');
    expect(log.map((p) => [p.seq, p.outcome, p.ticketId])).toEqual([
      [9, 'counted', first],
      [9, 'repeat', first],
      [10, 'counted', second],
    ]);
  });

  it('counts once by the boot of the button: a copy read off another boot estimate after the restart is a repeat, a restarted button counts', async () => {
    office = await startTestOffice({ config: wiredOffice() });
    const dataDir = office.dataDir;
    const bootedAt = Date.now() - 4 * 3_600_000;
    const first = await serveOne(office, await connectAgent(office));
    const press = { deskId: 'desk-1', value: 5, seq: 1, buttonDeviceId: 7, bootedAt };
    expect(await command(await connectAgent(office), 'rating:submit', press)).toEqual({ ok: true, ticketId: first, counted: true });
    await office.stop({ wipe: false });

    office = await startTestOffice({ config: wiredOffice(), dataDir });
    const agent = await connectAgent(office);
    const second = await serveOne(office, agent);
    // The ack was lost; the agent restarted with the server, and its new driver read the boot a
    // second later off a heartbeat. The copy is caught from the press log in the file.
    // Its driver took the copy for a new press and put the light out: the server lights it again.
    const relit = nextEvent(agent, 'rating:window', (w: { open: boolean }) => w.open);
    expect(await command(agent, 'rating:submit', { ...press, bootedAt: bootedAt + 1_000 })).toEqual({ ok: true, ticketId: null, counted: false });
    expect(await relit).toEqual({ deskId: 'desk-1', open: true });
    // The button itself restarted: seq 1 and the same value again, a new boot, the visitor just served.
    const restarted = { ...press, bootedAt: Date.now() - 5_000 };
    expect(await command(agent, 'rating:submit', restarted)).toEqual({ ok: true, ticketId: second, counted: true });
    expect(await command(agent, 'rating:submit', restarted)).toEqual({ ok: true, ticketId: null, counted: false });

    const ratings = office.app.context.db.prepare('SELECT id, rating FROM tickets WHERE id IN (?, ?) ORDER BY issued_at').all(first, second);
    expect(ratings).toEqual([
      { id: first, rating: 5 },
      { id: second, rating: 5 },
    ]);
    const log = createRatingPresses(office.app.context.db, Date.now).ofDesk('desk-1');
    expect(log.map((p) => [p.seq, p.outcome, p.ticketId])).toEqual([
      [1, 'counted', first],
      [1, 'repeat', first],
      [1, 'counted', second],
      [1, 'repeat', second],
    ]);
  });
});
