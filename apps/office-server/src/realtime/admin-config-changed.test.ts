import type { OfficeConfig } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, nextEvent, startTestOffice, type TestOffice } from '../testing/test-office.js';

type Changed = { config: OfficeConfig; changedBy: string; origin: string };

describe('config:changed on the admin namespace', () => {
  let office: TestOffice;
  let first: Socket;
  let second: Socket;

  beforeEach(async () => {
    office = await startTestOffice();
    const session = await office.login('admin');
    first = await office.connect('/admin', { session });
    second = await office.connect('/admin', { session });
  });
  afterEach(() => office.stop());

  it('tells every admin screen after a successful update, marked with the connection that made it', async () => {
    const { config } = await command<{ config: OfficeConfig }>(first, 'config:get');
    const edited = structuredClone(config);
    edited.services[0]!.hint = 'Касса до 16:00';
    const heardBySecond = nextEvent<Changed>(second, 'config:changed');
    const heardByFirst = nextEvent<Changed>(first, 'config:changed');
    expect(await command(first, 'config:update', { config: edited })).toMatchObject({ ok: true });
    const change = await heardBySecond;
    expect(change.config.services[0]!.hint).toBe('Касса до 16:00');
    expect(change).toMatchObject({ changedBy: 'Администратор', origin: first.id });
    expect((await heardByFirst).origin).toBe(first.id);
  });

  it('says nothing after a refused update, and tells of a token issued on another screen', async () => {
    const heard: Changed[] = [];
    second.on('config:changed', (change: Changed) => heard.push(change));
    expect(await command(first, 'config:update', { config: { nonsense: true } })).toMatchObject({ ok: false, code: 'invalid-config' });
    expect(await command(first, 'device:issue-token', { deviceId: 'kiosk-2' })).toMatchObject({ ok: true });
    await command(second, 'config:get');
    expect(heard).toHaveLength(1);
    expect(heard[0]!.config.devices.find((d) => d.id === 'kiosk-2')?.tokenHash).toBe(office.app.context.directory.config.devices.find((d) => d.id === 'kiosk-2')?.tokenHash);
  });
});
