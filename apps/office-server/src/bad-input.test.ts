import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from './testing/test-office.js';

describe('bad input is answered with a code, never a crash and never a half-written ticket', () => {
  let office: TestOffice;
  let kiosk: Socket;

  beforeAll(async () => {
    office = await startTestOffice({ rateLimit: { perSecond: 20, burst: 40 } });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
  });
  afterAll(() => office.stop());

  const ticketCount = () => office.app.context.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;

  it.each([
    ['a number for the service', 'ticket:issue', { serviceId: 42 }, 'invalid-payload'],
    ['no service', 'ticket:issue', {}, 'invalid-payload'],
    ['an extra field', 'ticket:issue', { serviceId: 'payments', price: 0 }, 'invalid-payload'],
    ['a string instead of an object', 'ticket:issue', 'payments', 'invalid-payload'],
    ['null', 'ticket:issue', null, 'invalid-payload'],
    ['an id with spaces', 'ticket:issue', { serviceId: 'pay ments' }, 'invalid-payload'],
    ['letters in the account number', 'ticket:issue', { serviceId: 'meters', accountNumber: 'abc' }, 'invalid-payload'],
    ['an unknown service', 'ticket:issue', { serviceId: 'haircut' }, 'unknown-service'],
    ['an unknown category', 'ticket:issue', { serviceId: 'payments', categoryId: 'vip' }, 'unknown-category'],
    ['a booking code of symbols', 'booking:check-in', { code: '<script>' }, 'invalid-payload'],
    ['an unknown booking code', 'booking:check-in', { code: '999999' }, 'booking-not-found'],
    ['an operator command on the kiosk', 'ticket:call-next', {}, 'forbidden'],
    ['an admin command on the kiosk', 'config:update', { config: {} }, 'forbidden'],
    ['an unknown event', 'drop:tables', {}, 'forbidden'],
  ])('%s → %s', async (_label, event, payload, code) => {
    const before = ticketCount();
    const answer = await command<{ ok: boolean; code?: string; message?: string }>(kiosk, event, payload);
    expect(answer).toMatchObject({ ok: false, code });
    expect(answer.message).toEqual(expect.any(String));
    expect(ticketCount()).toBe(before);
  });

  it('answers a 512 KB payload with payload-too-large and keeps the connection', async () => {
    // Under the transport's frame limit (limits.maxMessageBytes, 1 MiB), over a command's 64 KB.
    const answer = await command(kiosk, 'ticket:issue', { serviceId: 'payments', padding: 'x'.repeat(512 * 1024) }, 15_000);
    expect(answer).toMatchObject({ ok: false, code: 'payload-too-large' });
    expect(await command(kiosk, 'ticket:issue', { serviceId: 'payments' })).toMatchObject({ ok: true });
  });

  it('refuses a flood with rate-limited, and serves again after a pause', async () => {
    const flooder = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk2 });
    const answers = await Promise.all(
      Array.from({ length: 80 }, () => command<{ ok: boolean; code?: string }>(flooder, 'kiosk:snapshot', {})),
    );
    const limited = answers.filter((a) => !a.ok && a.code === 'rate-limited').length;
    expect(limited).toBeGreaterThan(0);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(40);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await command(flooder, 'kiosk:snapshot', {})).toMatchObject({ ok: true });
  });

  it('refuses a connection without a token, with an unknown token, or with the wrong role', async () => {
    await expect(office.connect('/kiosk', {})).rejects.toMatchObject({ message: 'unauthorized' });
    await expect(office.connect('/kiosk', { token: 'guess' })).rejects.toMatchObject({ message: 'unauthorized' });
    await expect(office.connect('/kiosk', { token: DEMO_TOKENS.board })).rejects.toMatchObject({ message: 'forbidden' });
    await expect(office.connect('/operator', { token: DEMO_TOKENS.kiosk })).rejects.toMatchObject({ message: 'unauthorized' });
    await expect(office.connect('/admin', { session: await office.login('ivanova') })).rejects.toMatchObject({ message: 'forbidden' });
    await expect(office.connect('/', {})).rejects.toMatchObject({ message: 'forbidden' });
  });

  it('refuses a wrong password and malformed login bodies over HTTP', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${office.url}/api/login`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post(JSON.stringify({ login: 'ivanova', password: 'wrong' }))).status).toBe(401);
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ login: 'ivanova' }))).status).toBe(400);
    expect((await post('login=ivanova', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(JSON.stringify({ login: 'x', password: 'y'.repeat(20_000) }))).status).toBe(413);
  });

  it('is still healthy after all of that', async () => {
    const health = await (await fetch(`${office.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok' });
  });
});
