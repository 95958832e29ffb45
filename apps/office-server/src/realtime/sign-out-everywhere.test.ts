import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { command, startTestOffice, type TestOffice } from '../testing/test-office.js';

const disconnected = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('a password change signs the person out everywhere', () => {
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
});
