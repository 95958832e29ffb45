import type { FollowUp, QualityReport } from '@talon/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeDayOf } from '@talon/domain';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';
import type { Socket } from 'socket.io-client';

/** The head's Quality view over real Socket.IO, on a real SQLite file. */
describe('dashboard Quality view', () => {
  let office: TestOffice;
  let head: Socket;
  let agent: Socket;

  beforeEach(async () => {
    office = await startTestOffice({
      config: demoConfig((c) => {
        c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 }];
        // An admin who is not the head: sees the view, may not tick call-backs off.
        c.operators.find((o) => o.id === 'admin')!.roles = ['admin'];
      }),
    });
    head = await office.connect('/dashboard', { session: await office.login('head') });
    agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
    await command(agent, 'device:hello', { agentVersion: 'test', printers: [], buttons: [{ deskId: 'desk-1', online: true }] });
  });
  afterEach(() => office.stop());

  it('counts a repeat by the account key, a complaint, a low rating to call back; keeps no number in the key', async () => {
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    const serve = async (issue: Record<string, unknown>, outcomeId?: string, rating?: number, seq?: number) => {
      expect(await command(kiosk, 'ticket:issue', issue)).toMatchObject({ ok: true });
      expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true });
      expect(await command(operator, 'ticket:start')).toMatchObject({ ok: true });
      expect(await command(operator, 'ticket:finish', outcomeId ? { outcomeId } : {})).toMatchObject({ ok: true });
      if (rating) expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: rating, seq, buttonDeviceId: 7 })).toMatchObject({ ok: true, counted: true });
    };
    await serve({ serviceId: 'meters', accountNumber: '12345678' }, undefined, 2, 1);
    await serve({ serviceId: 'meters', accountNumber: '12345678' }, undefined, 5, 2);
    await serve({ serviceId: 'payments' }, 'bill-complaint');

    const day = officeDayOf(office.app.context.queue.state.setup.schedule, Date.now());
    const view = await command<{ ok: true; report: QualityReport; followUps: FollowUp[] }>(head, 'dashboard:quality', { from: day, to: day });
    expect(view.ok).toBe(true);
    const { current } = view.report;
    expect(current.satisfaction).toMatchObject({ served: 3, rated: 2, satisfiedShare: 0.5 });
    expect(current.repeats).toMatchObject({ withAccount: 2, repeats: 1, firstVisitResolution: 0.5 });
    expect(current.complaints).toMatchObject({ complaints: 1, byOutcome: [{ outcomeId: 'bill-complaint', count: 1 }] });
    expect(view.report.previous.satisfaction.served).toBe(0);
    expect(view.followUps).toHaveLength(1);
    expect(view.followUps[0]).toMatchObject({ rating: 2, serviceId: 'meters', operatorId: 'op-ivanova' });

    const keys = office.app.context.db.prepare(`SELECT account_key AS k FROM tickets WHERE account_key IS NOT NULL`).all() as { k: string }[];
    expect(keys).toHaveLength(2);
    expect(keys[0]!.k).toBe(keys[1]!.k);
    expect(keys[0]!.k).not.toContain('12345678');

    const ticketId = view.followUps[0]!.ticketId;
    const admin = await office.connect('/dashboard', { session: await office.login('admin') });
    expect(await command(admin, 'dashboard:follow-up-done', { ticketId, note: 'x' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await command(head, 'dashboard:follow-up-done', { ticketId: 'nope', note: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await command(head, 'dashboard:follow-up-done', { ticketId, note: '' })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await command(head, 'dashboard:follow-up-done', { ticketId, note: 'Перезвонили, вопрос решён' })).toMatchObject({ ok: true });
    const after = await command<{ followUps: FollowUp[] }>(head, 'dashboard:quality', { from: day, to: day });
    expect(after.followUps[0]!.done).toMatchObject({ doneBy: 'head', note: 'Перезвонили, вопрос решён' });
  });

  it('refuses a malformed or too long period with an error code', async () => {
    expect(await command(head, 'dashboard:quality', { from: '2026-02-01', to: '2026-01-01' })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await command(head, 'dashboard:quality', { from: '2020-01-01', to: '2026-01-01' })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await command(head, 'dashboard:quality', { from: 'yesterday' })).toMatchObject({ ok: false, code: 'invalid-payload' });
  });
});
