import { PHONE_NAMESPACE, type PhoneTicketStatus, type PhoneWatchResult } from '@talon/protocol';
import { phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy } from '../apps/booking-service/src/testing/link-proxy.js';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const OFFICE = 'demo-office';
const tokenFor = (ticketId: string, officeDay = '2026-11-24') => signPhoneToken({ officeId: OFFICE, ticketId, officeDay }, phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS[OFFICE]!));

async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A phone page's socket on central, following one ticket. */
async function openPhone(central: TestCentral, ticketId: string): Promise<{ socket: Socket; first: PhoneWatchResult; seen: PhoneTicketStatus[]; links: boolean[] }> {
  const socket = io(`${central.url}${PHONE_NAMESPACE}`, { transports: ['websocket'], forceNew: true });
  const seen: PhoneTicketStatus[] = [];
  const links: boolean[] = [];
  socket.on('ticket:status', (status: PhoneTicketStatus) => seen.push(status));
  socket.on('office:link', ({ linked }: { linked: boolean }) => links.push(linked));
  const first = (await socket.timeout(5000).emitWithAck('ticket:watch', { token: tokenFor(ticketId) })) as PhoneWatchResult;
  return { socket, first, seen, links };
}

describe('ticket statuses flow from the office through central to phones', () => {
  let central: TestCentral | undefined;
  let office: TestOffice | undefined;
  let proxy: LinkProxy | undefined;
  const phones: Socket[] = [];
  afterEach(async () => {
    phones.forEach((s) => s.disconnect());
    await office?.stop();
    await proxy?.close();
    await central?.stop();
    office = proxy = central = undefined;
  });

  it('a phone sees its place fall as operators call, then the call with the desk; link down and up', async () => {
    const clock = manualClock(TUESDAY_9_00);
    central = await startTestCentral({ now: () => clock.now() });
    proxy = await startLinkProxy(central.port);
    office = await startTestOffice({ clock, central: { centralUrl: proxy.url, officeKey: TEST_OFFICE_KEYS[OFFICE]!, retryMs: 200, phoneThrottleMs: 1000 } });
    await waitFor('the link', () => office!.app.sync!.status().connected);

    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push((await command<{ ticket: { id: string } }>(kiosk, 'ticket:issue', { serviceId: 'payments' })).ticket.id);
    const mine = ids[3]!;

    // A page opened after the office reported gets the current state in the answer.
    let phone = await openPhone(central, mine);
    phones.push(phone.socket);
    for (let tries = 0; !phone.first.status && tries < 200; tries += 1) {
      phone.socket.disconnect();
      await new Promise((r) => setTimeout(r, 25));
      phone = await openPhone(central, mine);
      phones.push(phone.socket);
    }
    expect(phone.first).toMatchObject({ ok: true, linked: true, status: { ticketId: mine, state: 'waiting', peopleAhead: 3 } });
    expect(JSON.stringify(phone.first.status)).not.toMatch(/name|phone|account/i);

    // Each call moves the phone's place down (throttled to one update a second per ticket).
    await command(operator, 'ticket:call-next');
    await waitFor('2 ahead', () => phone.seen.some((s) => s.peopleAhead === 2));
    await command(operator, 'ticket:no-show');
    await command(operator, 'ticket:call-next');
    await waitFor('1 ahead', () => phone.seen.some((s) => s.peopleAhead === 1));

    // Link down: the page hears so; the office works on; on the way back the page catches up.
    proxy.down();
    await waitFor('the page to hear the link is down', () => phone.links.at(-1) === false);
    await command(operator, 'ticket:no-show');
    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:no-show');
    await command(operator, 'ticket:call-next');
    proxy.up();
    await waitFor('the link back', () => phone.links.at(-1) === true);
    await waitFor('the call', () => phone.seen.at(-1)?.state === 'called');
    expect(phone.seen.at(-1)).toMatchObject({ ticketId: mine, state: 'called', deskNumber: '1', peopleAhead: 0 });

    // A page reconnecting now gets the call at once.
    const again = await openPhone(central, mine);
    phones.push(again.socket);
    expect(again.first).toMatchObject({ ok: true, linked: true, status: { state: 'called', deskNumber: '1' } });

    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish');
    await waitFor('the end', () => phone.seen.at(-1)?.state === 'finished');
  });

  it('refuses a malformed, forged or expired watch with a code, and bounds the tickets one page follows', async () => {
    central = await startTestCentral({ now: () => TUESDAY_9_00 });
    const socket = io(`${central.url}${PHONE_NAMESPACE}`, { transports: ['websocket'], forceNew: true });
    phones.push(socket);
    expect(await socket.timeout(5000).emitWithAck('ticket:watch', { officeId: OFFICE, ticketId: 't1' })).toMatchObject({ ok: false, code: 'invalid-payload' });
    // Bare ids, another office's key, a changed ticket id: none opens a ticket.
    const forged = signPhoneToken({ officeId: OFFICE, ticketId: 't1', officeDay: '2026-11-24' }, phoneTokenKeyFromOfficeKey('not-the-key'));
    const altered = tokenFor('t1').replace('.t1.', '.t2.');
    for (const token of [forged, altered, 'demo-office.t1.20261124', 'x'])
      expect(await socket.timeout(5000).emitWithAck('ticket:watch', { token })).toMatchObject({ ok: false, code: 'phone-token-invalid' });
    expect(await socket.timeout(5000).emitWithAck('ticket:watch', { token: tokenFor('t1', '2026-11-23') })).toMatchObject({ ok: false, code: 'phone-token-expired' });
    for (let i = 0; i < 4; i += 1) expect(await socket.timeout(5000).emitWithAck('ticket:watch', { token: tokenFor(`t${i}`) })).toMatchObject({ ok: true, status: null, linked: false });
    expect(await socket.timeout(5000).emitWithAck('ticket:watch', { token: tokenFor('t9') })).toMatchObject({ ok: false, code: 'rate-limited' });
  });
});
