import { afterEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createRootLogger } from './logger.js';
import { command, DEMO_TOKENS, nextEvent, startTestOffice, type TestOffice } from './testing/test-office.js';

/** Issue 10, office side: each test failed on the code before the fix. */
let office: TestOffice | undefined;
afterEach(async () => {
  await office?.stop();
  office = undefined;
});

async function tryLogin(url: string, login: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  await response.body?.cancel();
  return response.status;
}

describe('login throttle (finding 6)', () => {
  it('counts "ivanova   " and "IVANOVA" against ivanova, so another spelling gets no more guesses', async () => {
    office = await startTestOffice();
    for (let i = 0; i < 8; i++) expect(await tryLogin(office.url, 'ivanova', `wrong-${i}`)).toBe(401);
    expect(await tryLogin(office.url, 'ivanova', 'demo')).toBe(429);
    expect(await tryLogin(office.url, 'ivanova   ', 'demo')).toBe(429);
    expect(await tryLogin(office.url, 'IVANOVA', 'demo')).toBe(429);
  });

  it('limits one address across many logins, in a bounded table', async () => {
    office = await startTestOffice();
    for (let i = 0; i < 30; i++) expect(await tryLogin(office.url, `nobody-${i}`, 'x')).toBe(401);
    // A real account from the same address is refused too: the address has used its guesses.
    expect(await tryLogin(office.url, 'head', 'demo')).toBe(429);
  });
});

describe('logout (finding 5)', () => {
  it('disconnects the session\'s open operator screen at once', async () => {
    office = await startTestOffice();
    const session = await office.login('ivanova');
    const socket = await office.connect('/operator', { session });
    const gone = nextEvent<string>(socket, 'disconnect');
    const response = await fetch(`${office.url}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${session}` } });
    expect(response.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });
});

describe('unknown events (finding 7)', () => {
  it('are counted by the connection\'s bucket and logged as one aggregated line, not one per event', async () => {
    let logBytes = 0;
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logBytes += chunk.length;
        done();
      },
    });
    office = await startTestOffice({ rateLimit: { perSecond: 20, burst: 40 }, logger: createRootLogger({ level: 'info', destination }) });
    const board = await office.connect('/board', { token: DEMO_TOKENS.board });
    const before = logBytes;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => command<{ ok: boolean; code?: string }>(board, `made-up:${i}`, {})));
    const codes = answers.map((a) => a.code);
    // Past the burst the bucket answers, whatever the event's name.
    expect(codes.filter((c) => c === 'rate-limited').length).toBeGreaterThan(100);
    expect(logBytes - before).toBeLessThan(2000);
  });
});
