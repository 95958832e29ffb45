import type { IssuedTicket } from '@talon/protocol';
import { readFileSync } from 'node:fs';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { permittedHandlers } from '../realtime/permitted-handlers.js';
import { command, demoConfig, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { authorise, PERMISSIONS, screenRoles } from './permissions.js';

describe('authorise: the permissions table', () => {
  it.each([
    [['operator'], 'operator ticket:cancel', true, { ok: true }],
    [['operator'], 'operator ticket:cancel', false, { ok: false, code: 'forbidden' }],
    [['head', 'operator'], 'operator ticket:cancel', false, { ok: true, authority: 'head' }],
    [['admin', 'head'], 'operator ticket:cancel', false, { ok: true, authority: 'head' }],
    [['admin'], 'operator ticket:cancel', false, { ok: true, authority: 'admin' }],
    [['head', 'operator'], 'operator ticket:cancel', true, { ok: true }],
    [['operator'], 'dashboard dashboard:close-desk', false, { ok: false, code: 'forbidden' }],
    [['head'], 'dashboard dashboard:close-desk', false, { ok: true, authority: 'head' }],
    [['admin'], 'dashboard dashboard:follow-up-done', false, { ok: false, code: 'forbidden' }],
    [['head'], 'admin config', false, { ok: false, code: 'forbidden' }],
  ] as const)('%j %s (own desk: %s)', (roles, permission, own, expected) => {
    const result = authorise(roles, permission, own);
    expect(result).toMatchObject(expected);
    if (expected.ok && !('authority' in expected)) expect(result).not.toHaveProperty('authority');
  });

  it('gives every row a reach for every role', () => {
    for (const row of Object.values(PERMISSIONS)) expect(Object.keys(row).sort()).toEqual(['admin', 'head', 'operator', 'screen']);
  });

  it("lets a screen's namespace in the roles holding some right on it in the table, no list of its own", () => {
    expect(screenRoles('/operator')).toEqual(['operator', 'head', 'admin']);
    expect(screenRoles('/dashboard')).toEqual(['head', 'admin']);
    expect(screenRoles('/admin')).toEqual(['admin']);
  });

  it('is the table docs/protocol.md prints, row for row', () => {
    const doc = readFileSync(new URL('../../../../docs/protocol.md', import.meta.url), 'utf8');
    const section = doc.split(/\n(?=## )/).find((part) => part.startsWith('## Permissions'))!;
    const reach = (cell: string) => (cell.startsWith('own desk') ? 'own-desk' : cell === 'office' ? 'office' : cell === '—' ? 'none' : `? ${cell}`);
    const printed = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| what'))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim()))
      .map(([, screen, operator, head, admin]) => ({ screen: screen!.replaceAll('`', ''), operator: reach(operator!), head: reach(head!), admin: reach(admin!) }));
    expect(printed).toEqual(Object.values(PERMISSIONS).map(({ screen, operator, head, admin }) => ({ screen, operator, head, admin })));
  });

  it('puts a row in front of every handler but those with a row of their own', async () => {
    let allowed = true;
    const handlers = permittedHandlers(
      { 'desk:open': () => ({ ok: true as const }), 'ticket:cancel': () => ({ ok: true as const }) },
      () => (allowed ? { ok: true } : { ok: false, code: 'forbidden', message: 'no' }),
      ['ticket:cancel'],
    );
    expect(handlers['desk:open']()).toEqual({ ok: true });
    allowed = false;
    expect(handlers['desk:open']()).toMatchObject({ ok: false, code: 'forbidden' });
    expect(handlers['ticket:cancel']()).toEqual({ ok: true });
  });
});

type Ok<T> = { ok: true } & T;

describe('who may cancel a ticket, over real Socket.IO', () => {
  let office: TestOffice;
  let kiosk: Socket;
  const operator = async (login: string) => office.connect('/operator', { session: await office.login(login) });
  const issue = async (serviceId: string) => (await command<Ok<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId })).ticket.id;
  const cancel = (socket: Socket, ticketId: string) => command(socket, 'ticket:cancel', { ticketId, reason: 'ушёл' });
  const actorOf = (ticketId: string) =>
    JSON.parse(
      (office.app.context.db.prepare(`SELECT actor FROM events WHERE type = 'ticket.cancelled' AND body LIKE ?`).get(`%${ticketId}%`) as { actor: string }).actor,
    ) as Record<string, unknown>;

  beforeEach(async () => {
    office = await startTestOffice();
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
  });
  afterEach(() => office.stop());

  it("refuses an operator a ticket at a colleague's desk, of a service their desk does not serve, or with no desk open", async () => {
    const ivanova = await operator('ivanova');
    const petrov = await operator('petrov');
    const sidorova = await operator('sidorova');
    await command(ivanova, 'desk:open', { deskId: 'desk-1' }); // payments, meters
    await command(petrov, 'desk:open', { deskId: 'desk-4' }); // business, contracts
    const atIvanova = await issue('payments');
    const business = await issue('business');
    await command(ivanova, 'ticket:call-next');
    await command(ivanova, 'ticket:start');

    expect(await cancel(petrov, atIvanova)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await cancel(ivanova, business)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await cancel(sidorova, business)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(office.app.context.queue.state.tickets.get(atIvanova)?.status).toBe('serving');
    expect(office.app.context.queue.state.tickets.get(business)?.status).toBe('waiting');
  });

  it('refuses an operator a waiting ticket of a service their desk serves once it was sent to another desk, and lets that desk cancel it', async () => {
    const ivanova = await operator('ivanova');
    const petrov = await operator('petrov');
    await command(ivanova, 'desk:open', { deskId: 'desk-1' }); // payments, meters
    await command(petrov, 'desk:open', { deskId: 'desk-2' }); // payments, meters, contracts
    const sent = await issue('payments');
    await command(ivanova, 'ticket:call', { ticketId: sent });
    expect(await command(ivanova, 'ticket:transfer', { toDeskId: 'desk-2' })).toMatchObject({ ok: true });
    expect(office.app.context.queue.state.tickets.get(sent)).toMatchObject({ status: 'waiting', targetDeskId: 'desk-2' });

    expect(await cancel(ivanova, sent)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(office.app.context.queue.state.tickets.get(sent)?.status).toBe('waiting');
    expect(await cancel(petrov, sent)).toMatchObject({ ok: true });
    expect(actorOf(sent)).toEqual({ kind: 'operator', operatorId: 'op-petrov' });
  });

  it('lets an operator cancel a ticket waiting for their desk or the one at it, recorded as theirs', async () => {
    const ivanova = await operator('ivanova');
    await command(ivanova, 'desk:open', { deskId: 'desk-1' });
    const first = await issue('payments');
    const waiting = await issue('meters');
    await command(ivanova, 'ticket:call', { ticketId: first });
    expect(await cancel(ivanova, waiting)).toMatchObject({ ok: true });
    expect(await cancel(ivanova, first)).toMatchObject({ ok: true, desk: { id: 'desk-1' } });
    expect(actorOf(waiting)).toEqual({ kind: 'operator', operatorId: 'op-ivanova' });
  });

  it("lets the head cancel anywhere, with no desk open, and the audit trail names the head's right", async () => {
    const ivanova = await operator('ivanova');
    const head = await operator('head');
    await command(ivanova, 'desk:open', { deskId: 'desk-1' });
    const atIvanova = await issue('payments');
    await command(ivanova, 'ticket:call-next');
    expect(await cancel(head, atIvanova)).toMatchObject({ ok: true });
    expect(actorOf(atIvanova)).toEqual({ kind: 'operator', operatorId: 'head', authority: 'head' });
    expect(office.app.context.queue.state.desks.get('desk-1')?.currentTicketId).toBeUndefined();
  });
});

describe('the screens follow the table', () => {
  let office: TestOffice | undefined;
  afterEach(() => office?.stop());

  it("lets an office head who is not an operator into /operator, as the table's cancel row gives the head the whole office", async () => {
    office = await startTestOffice({ config: demoConfig((c) => (c.operators.find((o) => o.login === 'head')!.roles = ['head'])) });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const ticket = (await command<Ok<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId: 'payments' })).ticket.id;
    const head = await office.connect('/operator', { session: await office.login('head') });
    expect(await command(head, 'ticket:cancel', { ticketId: ticket, reason: 'ушёл' })).toMatchObject({ ok: true });
    // An operator is still kept off the dashboard and the admin screen.
    const session = await office.login('ivanova');
    await expect(office.connect('/dashboard', { session })).rejects.toThrow();
    await expect(office.connect('/admin', { session })).rejects.toThrow();
  });

  it('tells at login which screens the person may open, from the table', async () => {
    office = await startTestOffice({ config: demoConfig((c) => (c.operators.find((o) => o.login === 'head')!.roles = ['head'])) });
    const screens = async (login: string) =>
      ((await (await fetch(`${office!.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) })).json()) as { screens: string[] }).screens;
    expect(await screens('ivanova')).toEqual(['/operator']);
    expect(await screens('head')).toEqual(['/operator', '/dashboard']);
    expect(await screens('admin')).toEqual(['/operator', '/dashboard', '/admin']);
  });

  it('refuses the day\'s tickets CSV to an operator through the table, and gives it to the head', async () => {
    office = await startTestOffice();
    const csv = async (login: string) => fetch(`${office!.url}/api/reports/tickets.csv`, { headers: { authorization: `Bearer ${await office!.login(login)}` } });
    const refused = await csv('ivanova');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await csv('head')).status).toBe(200);
  });
});
