import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { command, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { SESSION_MS } from './sessions.js';

const disconnected = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('a connection lives no longer than its session, over real Socket.IO', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  it('closes a console whose session passed its 14 h at the next command, and runs nothing', async () => {
    const clock = manualClock(Date.now());
    office = await startTestOffice({ clock });
    const console_ = await office.connect('/operator', { session: await office.login('ivanova') });
    expect(await command(console_, 'operator:snapshot')).toMatchObject({ ok: true });
    clock.advance(SESSION_MS + 1);
    const closed = disconnected(console_);
    console_.emit('desk:open', { deskId: 'desk-1' }, () => {});
    expect(await closed).toBe('io server disconnect');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(office.app.context.queue.state.desks.get('desk-1')?.status).toBe('closed');
  });

  it('closes an idle screen by itself when its session ends', async () => {
    office = await startTestOffice({ sessionLifetimeMs: 400 });
    const dashboard = await office.connect('/dashboard', { session: await office.login('head') });
    const started = Date.now();
    expect(await disconnected(dashboard)).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('closes the screens of a session logged out elsewhere, and keeps the others', async () => {
    office = await startTestOffice();
    const session = await office.login('ivanova');
    const console_ = await office.connect('/operator', { session });
    const petrov = await office.connect('/operator', { session: await office.login('petrov') });
    const closed = disconnected(console_);
    const response = await fetch(`${office.url}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${session}` } });
    expect(response.ok).toBe(true);
    expect(await closed).toBe('io server disconnect');
    expect(await command(petrov, 'operator:snapshot')).toMatchObject({ ok: true });
  });
});
