import type { DashboardAlert } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';

/** Kiosk 1's printer and desk 1's rating button on agent 1, and a head watching the dashboard. */
describe('dashboard alerts over Socket.IO', () => {
  let office: TestOffice;
  let agent: Socket;
  let dashboard: Socket;
  let alerts: DashboardAlert[];

  beforeEach(async () => {
    office = await startTestOffice({
      config: demoConfig((c) => {
        c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: 'tcp://127.0.0.1:9100', profile: 'generic-80mm' }];
        c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 }];
      }),
    });
    dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    alerts = [];
    dashboard.on('dashboard:alert', (alert: DashboardAlert) => alerts.push(alert));
    agent = await office.connect('/device', { token: DEMO_TOKENS.agent });
    expect(
      await command(agent, 'device:hello', { agentVersion: 'test', printers: [{ printerId: 'printer-1', status: 'ok' }], buttons: [{ deskId: 'desk-1', online: true }] }),
    ).toMatchObject({ ok: true });
  });
  afterEach(() => office.stop());

  /** Alerts travel on the same socket as acks: one more round trip lets any pending alert arrive. */
  const settle = () => command(dashboard, 'dashboard:snapshot');

  it('sends one device alert per change into trouble, not one per repeated status', async () => {
    const status = (s: string) => command(agent, 'printer:status', { printerId: 'printer-1', status: s });
    await status('paper-end');
    await status('paper-end');
    await status('paper-near-end');
    await status('cover-open');
    await command(agent, 'button:status', { deskId: 'desk-1', online: false });
    await command(agent, 'button:status', { deskId: 'desk-1', online: false });
    await settle();
    expect(alerts.map(({ at: _at, ...alert }) => alert)).toEqual([
      { kind: 'device', deviceKind: 'printer', deviceId: 'printer-1', deviceName: 'Киоск у входа', status: 'paper-end' },
      { kind: 'device', deviceKind: 'printer', deviceId: 'printer-1', deviceName: 'Киоск у входа', status: 'cover-open' },
      { kind: 'device', deviceKind: 'rating-button', deviceId: 'desk-1', deviceName: 'Окно 1', deviceNameEn: 'Desk 1', status: 'offline' },
    ]);

    // The agent drops off: its printer goes offline (the button already was).
    alerts.length = 0;
    agent.disconnect();
    await expect.poll(() => alerts.map((a) => a.kind === 'device' && `${a.deviceKind}:${a.status}`)).toEqual(['printer:offline']);
  });

  it('sends a low rating with the ticket, the desk and the value', async () => {
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish');
    expect(await command(agent, 'rating:submit', { deskId: 'desk-1', value: 2, seq: 1, buttonDeviceId: 7 })).toMatchObject({ ok: true, counted: true });
    await settle();
    expect(alerts).toEqual([{ kind: 'low-rating', ticketNumber: 'A001', deskNumber: 1, value: 2, at: expect.any(Number) }]);
  });
});
