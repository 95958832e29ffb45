import type { IssuedTicket, OfficeConfig } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { command, demoConfig, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const withGrace = (minutes: number) => demoConfig((c: OfficeConfig) => void (c.rules.abandonedDeskGraceMinutes = minutes));

describe('a desk its operator left, over real Socket.IO', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  const setUp = async (graceMinutes: number) => {
    office = await startTestOffice({ config: withGrace(graceMinutes) });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const session = await office.login('ivanova');
    const console_ = await office.connect('/operator', { session });
    await command(console_, 'desk:open', { deskId: 'desk-1' });
    const ticket = (await command<{ ticket: IssuedTicket['ticket'] }>(kiosk, 'ticket:issue', { serviceId: 'payments' })).ticket;
    await command(console_, 'ticket:call-next');
    return { session, console_, ticket };
  };
  const desk = () => office.app.context.queue.state.desks.get('desk-1')!;

  it('closes after the grace; the called visitor waits again in their old place', async () => {
    const { console_, ticket } = await setUp(0.01); // 600 ms
    console_.disconnect();
    await sleep(300);
    expect(desk().status).toBe('open');
    await sleep(1200);
    expect(desk().status).toBe('closed');
    expect(office.app.context.queue.state.tickets.get(ticket.id)).toMatchObject({ status: 'waiting', queuedAt: ticket.queuedAt });
    const row = office.app.context.db.prepare(`SELECT actor FROM events WHERE type = 'desk.closed'`).get() as { actor: string };
    expect(JSON.parse(row.actor)).toEqual({ kind: 'system' });
  });

  it('stays open when the operator comes back within the grace', async () => {
    const { session, console_ } = await setUp(0.02); // 1.2 s
    console_.disconnect();
    await sleep(300);
    await office.connect('/operator', { session });
    await sleep(1500);
    expect(desk()).toMatchObject({ status: 'open', operatorId: 'op-ivanova' });
  });

  it('lets the head close it from the dashboard at once, recorded with the head\'s right', async () => {
    const { ticket } = await setUp(10);
    const dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    expect(await command(dashboard, 'dashboard:close-desk', { deskId: 'desk-1' })).toEqual({ ok: true, deskId: 'desk-1' });
    expect(desk().status).toBe('closed');
    expect(office.app.context.queue.state.tickets.get(ticket.id)).toMatchObject({ status: 'waiting' });
    const row = office.app.context.db.prepare(`SELECT actor FROM events WHERE type = 'desk.closed'`).get() as { actor: string };
    expect(JSON.parse(row.actor)).toEqual({ kind: 'operator', operatorId: 'head', authority: 'head' });
    expect(await command(dashboard, 'dashboard:close-desk', { deskId: 'desk-1' })).toMatchObject({ ok: false, code: 'desk-closed' });
  });
});

describe('printer targets and passwords an administrator may set', () => {
  let office: TestOffice;
  let admin: Socket;
  afterEach(() => office.stop());

  const update = async (edit: (config: OfficeConfig) => void) => {
    const { config } = await command<{ config: OfficeConfig }>(admin, 'config:get');
    edit(config);
    return command<{ ok: boolean; code?: string; message?: string }>(admin, 'config:update', { config });
  };
  const printer = (uri: string) => (config: OfficeConfig) =>
    void (config.printers = [{ id: 'p1', kioskId: 'kiosk-1', agentId: 'agent-1', uri, profile: 'generic-80mm' }]);

  it('refuses a printer anywhere but the closed list, naming the field', async () => {
    office = await startTestOffice();
    admin = await office.connect('/admin', { session: await office.login('admin') });
    expect(await update(printer('file:/etc/cron.d/x'))).toMatchObject({ ok: false, code: 'invalid-config', message: expect.stringMatching(/printers\[0\]\.uri.*data folder/) });
    expect(await update(printer('tcp://8.8.8.8:9100'))).toMatchObject({ ok: false, code: 'invalid-config', message: expect.stringMatching(/printerNetwork/) });
    expect(await update(printer('/home/admin/.bashrc'))).toMatchObject({ ok: false, code: 'invalid-config' });
    expect(await update(printer('tcp://192.168.10.20:9100'))).toMatchObject({ ok: true });
    expect(await update(printer(`file:${office.dataDir}/tickets.bin`))).toMatchObject({ ok: true });
  });

  it('refuses a short or common password with weak-password', async () => {
    office = await startTestOffice();
    admin = await office.connect('/admin', { session: await office.login('admin') });
    expect(await command(admin, 'operator:set-password', { operatorId: 'op-ivanova', password: '123456' })).toMatchObject({ ok: false, code: 'weak-password' });
    expect(await command(admin, 'operator:set-password', { operatorId: 'op-ivanova', password: 'qwertyuiop' })).toMatchObject({ ok: false, code: 'weak-password' });
    expect(await command(admin, 'operator:set-password', { operatorId: 'op-ivanova', password: 'kiosk-lamp-Orel-42' })).toEqual({ ok: true });
  });
});
