import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeConfig } from '@talon/protocol';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';

const disconnected = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('access follows the config at once', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  it("ends an operator's sessions and closes their open console; the new password works", async () => {
    office = await startTestOffice();
    const oldSession = await office.login('ivanova');
    const console_ = await office.connect('/operator', { session: oldSession });
    const petrov = await office.connect('/operator', { session: await office.login('petrov') });
    const admin = await office.connect('/admin', { session: await office.login('admin') });

    const closed = disconnected(console_);
    expect(await command(admin, 'operator:set-password', { operatorId: 'op-ivanova', password: 'new-secret-1' })).toEqual({ ok: true });
    expect(await closed).toBe('io server disconnect');
    // The old session no longer opens the console; another operator's desk is untouched.
    await expect(office.connect('/operator', { session: oldSession })).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    expect(petrov.connected).toBe(true);
    await expect(office.login('ivanova')).rejects.toThrow();
    expect(await office.connect('/operator', { session: await office.login('ivanova', 'new-secret-1') })).toBeTruthy();
  });

  it('keeps the administrator who changes their own password signed in here, and only here', async () => {
    office = await startTestOffice();
    const here = await office.login('admin');
    const elsewhere = await office.login('admin');
    const admin = await office.connect('/admin', { session: here });
    const otherScreen = await office.connect('/dashboard', { session: elsewhere });

    const closed = disconnected(otherScreen);
    expect(await command(admin, 'operator:set-password', { operatorId: 'admin', password: 'new-secret-2' })).toEqual({ ok: true });
    expect(await closed).toBe('io server disconnect');
    expect(admin.connected).toBe(true);
    expect(await command(admin, 'config:get')).toMatchObject({ ok: true });
    await expect(office.connect('/dashboard', { session: elsewhere })).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    expect(await office.connect('/dashboard', { session: here })).toBeTruthy();
  });

  const edit = async (admin: Socket, change: (config: OfficeConfig) => void) => {
    const { config } = await command<{ config: OfficeConfig }>(admin, 'config:get');
    change(config);
    expect(await command(admin, 'config:update', { config })).toMatchObject({ ok: true });
  };

  it('disconnects a removed operator at once, and a head who is no longer one from the dashboard only', async () => {
    office = await startTestOffice();
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kuznetsovSession = await office.login('kuznetsov');
    const kuznetsov = await office.connect('/operator', { session: kuznetsovSession });
    const headSession = await office.login('head');
    const headDashboard = await office.connect('/dashboard', { session: headSession });
    const headDesk = await office.connect('/operator', { session: headSession });

    const gone = disconnected(kuznetsov);
    await edit(admin, (config) => {
      config.operators = config.operators.filter((o) => o.id !== 'op-kuznetsov');
      config.breaks = config.breaks.filter((b) => b.operatorId !== 'op-kuznetsov');
    });
    expect(await gone).toBe('io server disconnect');
    await expect(office.connect('/operator', { session: kuznetsovSession })).rejects.toMatchObject({ data: { code: 'unauthorized' } });

    const demoted = disconnected(headDashboard);
    await edit(admin, (config) => {
      config.operators.find((o) => o.id === 'head')!.roles = ['operator'];
    });
    expect(await demoted).toBe('io server disconnect');
    await expect(office.connect('/dashboard', { session: headSession })).rejects.toMatchObject({ data: { code: 'forbidden' } });
    // Still an operator: her desk's link stays, and her session still works.
    expect(headDesk.connected).toBe(true);
    expect(await command(headDesk, 'operator:snapshot')).toMatchObject({ ok: true });
  });

  it('disconnects a kiosk whose token was reissued; its old token no longer lets it back', async () => {
    office = await startTestOffice();
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const board = await office.connect('/board', { token: DEMO_TOKENS.board });

    const gone = disconnected(kiosk);
    const issued = await command<{ ok: true; deviceId: string; token: string }>(admin, 'device:issue-token', { deviceId: 'kiosk-1' });
    expect(await gone).toBe('io server disconnect');
    await expect(office.connect('/kiosk', { token: DEMO_TOKENS.kiosk })).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    expect(await office.connect('/kiosk', { token: issued.token })).toBeTruthy();
    // Other devices are untouched.
    expect(board.connected).toBe(true);
  });
});
