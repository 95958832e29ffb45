import type { DashboardState, IssuedTicket } from '@talon/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';

describe('HTTP: health, metrics, reports and the ticket page', () => {
  let office: TestOffice;
  let ticket: IssuedTicket['ticket'];
  let session: string;

  beforeAll(async () => {
    office = await startTestOffice({ demoTokens: { kiosk: DEMO_TOKENS.kiosk, board: DEMO_TOKENS.board } });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('sidorova') });
    ticket = (await command<IssuedTicket>(kiosk, 'ticket:issue', { serviceId: 'contracts' })).ticket;
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(operator, 'desk:open', { deskId: 'desk-3' });
    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish', { outcomeId: 'signed' });
    session = await office.login('head');
  });
  afterAll(() => office.stop());

  it('reports health', async () => {
    const response = await fetch(`${office.url}/healthz`);
    expect(response.status).toBe(200);
    // Public, so it tells nothing about the queue (issue 10): no ticket counts, no backlog.
    expect(await response.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number), central: { state: 'not-configured' } });
  });

  it('exposes Prometheus metrics: issued, waiting now, command latency', async () => {
    const text = await (await fetch(`${office.url}/metrics`)).text();
    expect(text).toContain('talon_tickets_issued_total{service="contracts"} 1');
    expect(text).toContain('talon_waiting_tickets{service="payments"} 1');
    expect(text).toMatch(/talon_command_duration_seconds_count\{command="ticket:issue"\} 2/);
    expect(text).toMatch(/talon_command_duration_seconds_bucket\{command="ticket:finish",le="\+Inf"\} 1/);
  });

  it("exports today's tickets as CSV for the office head only", async () => {
    expect((await fetch(`${office.url}/api/reports/tickets.csv`)).status).toBe(401);
    const operatorSession = await office.login('ivanova');
    expect((await fetch(`${office.url}/api/reports/tickets.csv`, { headers: { authorization: `Bearer ${operatorSession}` } })).status).toBe(403);
    const response = await fetch(`${office.url}/api/reports/tickets.csv`, { headers: { authorization: `Bearer ${session}` } });
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await response.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^number,service,kind/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^B001,Заключение и переоформление договоров,walk-in,,done,3,Сидорова Елена,/);
    expect(lines[1]).toContain(',signed,');
  });

  it('counts the served visitor on the dashboard', async () => {
    const dashboard = await office.connect('/dashboard', { session });
    const { state } = await command<{ state: DashboardState }>(dashboard, 'dashboard:snapshot');
    expect(state.totals).toMatchObject({ issued: 2, served: 1, waitingNow: 1, noShow: 0 });
    expect(state.totals.withinStandardShare).toBe(1);
    expect(state.desks.find((d) => d.id === 'desk-3')).toMatchObject({ status: 'open', operatorName: 'Сидорова Елена' });
    expect(state.hours.reduce((sum, h) => sum + h.issued, 0)).toBe(2);
  });

  it('shows the ticket page a QR code opens, in Russian or English', async () => {
    const ru = await fetch(`${office.url}/t/${ticket.id}`);
    expect(ru.status).toBe(200);
    expect(await ru.text()).toContain('Обслуживание завершено');
    const en = await (await fetch(`${office.url}/t/${ticket.id}?lang=en`)).text();
    expect(en).toContain('Service finished');
    expect((await fetch(`${office.url}/t/t_nonexistent`)).status).toBe(404);
  });

  it('links every screen from the front page, with the demo tokens', async () => {
    const html = await (await fetch(`${office.url}/`)).text();
    for (const path of ['/kiosk#pair=demo-kiosk-1', '/operator', '/board#pair=demo-board-1', '/dashboard', '/admin']) expect(html).toContain(`href="${path}"`);
    expect(html).toContain('круглосуточно');
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${office.url}/etc/passwd`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, code: 'not-found' });
  });
});
