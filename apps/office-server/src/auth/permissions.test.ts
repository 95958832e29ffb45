import type { IssuedTicket } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { authorise, PERMISSIONS } from './permissions.js';

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
