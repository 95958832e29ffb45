import type { BoardCall, DeskView, IssuedTicket } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, nextEvent, startTestOffice, type TestOffice } from './testing/test-office.js';

type Ok<T> = { ok: true } & T;
type DeskAck = Ok<{ desk: DeskView | null }>;

describe('a ticket from kiosk to desk, over real Socket.IO and a real SQLite file', () => {
  let office: TestOffice;
  let kiosk: Socket;
  let operator: Socket;
  let board: Socket;

  beforeEach(async () => {
    office = await startTestOffice();
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    operator = await office.connect('/operator', { session: await office.login('ivanova') });
    board = await office.connect('/board', { token: DEMO_TOKENS.board });
  });
  afterEach(() => office.stop());

  it('issues, calls, serves and finishes a ticket, and the board hears the call', async () => {
    const issued = await command<Ok<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued).toMatchObject({ ok: true, peopleAhead: 0, print: 'no-printer' });
    expect(issued.ticket.number).toBe('A001');
    expect(issued.ticket.status).toBe('waiting');
    expect(issued.trackUrl).toMatch(/\/t\/t_[0-9a-z]+$/);

    const opened = await command<DeskAck>(operator, 'desk:open', { deskId: 'desk-1' });
    expect(opened.desk).toMatchObject({ id: 'desk-1', status: 'open', operatorId: 'op-ivanova' });

    const heard = nextEvent<BoardCall>(board, 'board:call');
    const called = await command<DeskAck>(operator, 'ticket:call-next');
    expect(called.desk?.currentTicket).toMatchObject({ number: 'A001', status: 'called', deskNumber: 1 });
    expect(await heard).toMatchObject({ number: 'A001', deskNumber: 1, recall: false });

    expect((await command<DeskAck>(operator, 'ticket:start')).desk?.currentTicket?.status).toBe('serving');
    const finished = await command<DeskAck>(operator, 'ticket:finish', { outcomeId: 'paid' });
    expect(finished).toMatchObject({ ok: true });
    expect(finished.desk?.currentTicket).toBeUndefined();

    const row = office.app.context.db
      .prepare(`SELECT number, status, outcome_id AS outcome, desk_id AS desk, kiosk_id AS kiosk FROM tickets`)
      .get();
    expect(row).toEqual({ number: 'A001', status: 'done', outcome: 'paid', desk: 'desk-1', kiosk: 'kiosk-1' });
    const types = office.app.context.db.prepare(`SELECT type FROM events ORDER BY seq`).pluck().all();
    expect(types).toEqual(['ticket.issued', 'desk.opened', 'ticket.called', 'ticket.serving-started', 'ticket.finished']);
    const outbox = office.app.context.db.prepare(`SELECT COUNT(*) FROM outbox`).pluck().get();
    expect(outbox).toBe(5);
  });

  it('answers every operator action, and refuses what the rules forbid with their code', async () => {
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(kiosk, 'ticket:issue', { serviceId: 'meters', accountNumber: '1234-5678' });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments', categoryId: 'disabled' });

    expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: false, code: 'desk-closed' });
    await command(operator, 'desk:open', { deskId: 'desk-1' });

    // The priority ticket comes first; the desk confirms the document.
    const first = await command<DeskAck>(operator, 'ticket:call-next');
    expect(first.desk?.currentTicket).toMatchObject({ number: 'A002', kind: 'priority', categoryName: 'Инвалиды' });
    expect(await command(operator, 'ticket:finish')).toMatchObject({ ok: false, code: 'ticket-not-serving' });
    expect(await command(operator, 'ticket:confirm-category', { documentSeen: true })).toMatchObject({ ok: true });
    expect(await command(operator, 'ticket:recall')).toMatchObject({ ok: true });
    expect(await command(operator, 'ticket:postpone')).toMatchObject({ ok: true });

    const second = await command<DeskAck>(operator, 'ticket:call-next');
    const secondNumber = second.desk?.currentTicket?.number;
    expect(secondNumber).toBeDefined();
    expect(await command(operator, 'ticket:transfer', { toServiceId: 'contracts', comment: 'нужен договор' })).toMatchObject({ ok: true });

    const third = await command<DeskAck>(operator, 'ticket:call-next');
    expect(third.desk?.currentTicket).toBeDefined();
    expect(await command(operator, 'ticket:no-show')).toMatchObject({ ok: true });

    const postponedId = [...office.app.context.queue.state.tickets.values()].find((t) => t.status === "postponed")?.id;
    expect(postponedId).toBeDefined();
    expect(await command(operator, 'ticket:take-back', { ticketId: postponedId })).toMatchObject({ ok: true });
    expect(await command(operator, 'desk:pause', { reason: 'lunch' })).toMatchObject({ ok: false, code: 'desk-busy' });
    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish');
    expect(await command<DeskAck>(operator, 'desk:pause', { reason: 'lunch' })).toMatchObject({ ok: true, desk: { status: 'paused', pauseReason: 'lunch' } });
    expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: false, code: 'desk-paused' });
    expect(await command(operator, 'desk:resume')).toMatchObject({ ok: true });

    // The transferred visitor keeps the paper number and waits in the contracts queue.
    const transferred = [...office.app.context.queue.state.tickets.values()].find((t) => t.number === secondNumber);
    expect(transferred).toMatchObject({ serviceId: 'contracts', status: 'waiting' });
    // Contracts are not desk 1's: its operator may not cancel the ticket now, the head may.
    expect(await command(operator, 'ticket:cancel', { ticketId: transferred!.id, reason: 'visitor left' })).toMatchObject({ ok: false, code: 'forbidden' });
    const head = await office.connect('/operator', { session: await office.login('head') });
    expect(await command(head, 'ticket:cancel', { ticketId: transferred!.id, reason: 'visitor left' })).toMatchObject({ ok: true });
    expect(await command<DeskAck>(operator, 'desk:close')).toMatchObject({ ok: true, desk: null });
  });

  it('pushes fresh operator and board states after a change', async () => {
    const operatorUpdate = nextEvent<{ queue: { serviceId: string; waiting: number }[] }>(
      operator,
      'operator:state',
      (s) => s.queue.some((q) => q.serviceId === 'payments' && q.waiting === 1),
    );
    const boardUpdate = nextEvent<{ waiting: { serviceId: string; waiting: number }[] }>(
      board,
      'board:state',
      (s) => s.waiting.some((q) => q.serviceId === 'payments' && q.waiting === 1),
    );
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await expect(operatorUpdate).resolves.toBeDefined();
    await expect(boardUpdate).resolves.toBeDefined();
  });

  it("keeps a transferred ticket's desk in the board's history (issue 15: never «Окно 0»)", async () => {
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(operator, 'desk:open', { deskId: 'desk-2' });
    const called = await command<DeskAck>(operator, 'ticket:call-next');
    const number = called.desk!.currentTicket!.number;
    expect(await command(operator, 'ticket:transfer', { toServiceId: 'contracts' })).toMatchObject({ ok: true });
    const snapshot = await command<Ok<{ state: { history: { number: string; deskNumber: number }[] } }>>(board, 'board:snapshot', {});
    expect(snapshot.state.history).toEqual([expect.objectContaining({ number, deskNumber: 2 })]);
    // Called again after the transfer, the history says where it went the second time.
    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish');
    const after = await command<Ok<{ state: { history: { number: string; deskNumber: number }[] } }>>(board, 'board:snapshot', {});
    expect(after.state.history.map((h) => [h.number, h.deskNumber])).toEqual([[number, 2]]);
  });
});
