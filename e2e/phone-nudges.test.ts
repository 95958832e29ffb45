import { phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCentral, TEST_OFFICE_KEYS, testCentralConfig, type TestCentral } from '../apps/booking-service/src/testing/test-central.js';
import { manualClock } from '../apps/office-server/src/clock.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { pushSubscriptionKeys, startRecordingService } from './support/web-push-receiver.js';
import { waitFor } from './support/phone-pages.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const OFFICE = 'demo-office';
const CONSENT = 'Я согласен(на) получать SMS об этом талоне сегодня; номер удалят в конце дня.';
const token = (ticketId: string) => signPhoneToken({ officeId: OFFICE, ticketId, officeDay: '2026-11-24' }, phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS[OFFICE]!));

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('nudges before the turn and at the call: web push and SMS, once each', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('delivers "N left" and "called" by web push (decrypted here) and SMS, never twice across a central restart', async () => {
    const push = await startRecordingService();
    const sms = await startRecordingService();
    cleanups.push(push.close, sms.close);
    const config = testCentralConfig((c) => {
      c.phone.webPush = { enabled: true, subject: 'mailto:queue@energo.example', endpointHosts: ['127.0.0.1'], allowHttpEndpoints: true };
      c.phone.sms = { url: `${sms.url}/send?to={phone}`, method: 'POST', headers: { authorization: 'Bearer sms-key' }, contentType: 'application/json', body: '{"to":"{phone}","message":"{text}"}', consentText: CONSENT, timeoutMs: 2000 };
    });
    const clock = manualClock(TUESDAY_9_00);
    let central: TestCentral = await startTestCentral({ config, now: () => clock.now() });
    const { port, dataDir } = central;
    cleanups.push(() => central.stop());
    const office: TestOffice = await startTestOffice({ clock, central: { centralUrl: central.url, officeKey: TEST_OFFICE_KEYS[OFFICE]!, retryMs: 200, phoneThrottleMs: 200 } });
    cleanups.push(() => office.stop());
    await waitFor('the link', () => office.app.sync!.status().connected);

    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    const tickets: { id: string; number: string }[] = [];
    for (let i = 0; i < 5; i += 1) tickets.push((await command<{ ticket: { id: string; number: string } }>(kiosk, 'ticket:issue', { serviceId: 'payments' })).ticket);
    const mine = tickets[4]!;

    const info = (await (await fetch(`${central.url}/api/phone/${token(mine.id)}`)).json()) as { nudges: { webPush?: { publicKey: string }; sms?: { consentText: string } } };
    expect(info.nudges.sms?.consentText).toBe(CONSENT);
    const vapidKey = info.nudges.webPush!.publicKey;
    expect(Buffer.from(vapidKey, 'base64url')).toHaveLength(65);

    const subscribe = async (body: unknown) =>
      (await fetch(`${central.url}/api/phone/${token(mine.id)}/nudges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const browser = pushSubscriptionKeys();
    const subscription = { endpoint: `${push.url}/push/abc123`, expirationTime: null, keys: browser.keys };
    // No number without its consent, and no posting to a host that is not a push service.
    expect(await subscribe({ channel: { kind: 'sms', phone: '+7 912 555-01-23', consent: { given: true, text: 'something else entirely' } } })).toMatchObject({ ok: false, code: 'consent-required' });
    expect(await subscribe({ channel: { kind: 'web-push', subscription: { ...subscription, endpoint: 'http://10.0.0.1/push' } } })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await subscribe({ peopleLeft: 2, language: 'en', channel: { kind: 'web-push', subscription } })).toMatchObject({ ok: true });
    expect(await subscribe({ channel: { kind: 'sms', phone: '+7 912 555-01-23', consent: { given: true, text: CONSENT } } })).toMatchObject({ ok: true });
    const stored = await central.service.store.phoneNudgesOf(OFFICE, [mine.id]);
    expect(stored.find((n) => n.channel === 'sms')).toMatchObject({ consentText: CONSENT, consentAt: TUESDAY_9_00, peopleLeft: 3 });

    // 4 ahead -> 3: the SMS (3 left) goes; push waits for 2.
    await command(operator, 'ticket:call-next');
    await waitFor('the SMS', () => sms.received.length === 1);
    const firstSms = JSON.parse(sms.received[0]!.body.toString()) as { to: string; message: string };
    expect(firstSms).toEqual({ to: '+79125550123', message: `Талон ${mine.number}: перед вами 3 чел. Пора возвращаться к залу ожидания.` });
    expect(sms.received[0]!.path).toBe('/send?to=%2B79125550123');
    expect(sms.received[0]!.headers['authorization']).toBe('Bearer sms-key');
    await command(operator, 'ticket:no-show');
    await command(operator, 'ticket:call-next');
    await waitFor('the push', () => push.received.length === 1);
    expect(push.received[0]!.path).toBe('/push/abc123');
    expect(push.received[0]!.headers['content-encoding']).toBe('aes128gcm');
    expect(String(push.received[0]!.headers['authorization'])).toMatch(new RegExp(`^vapid t=.+, k=${vapidKey}$`));
    expect(JSON.parse(browser.decrypt(push.received[0]!.body))).toEqual({ title: 'Талон', body: `Ticket ${mine.number}: 2 people ahead of you. Time to head back to the hall.` });

    // Central restarts; the office sends every status again on the new link: nothing goes twice.
    await central.stop({ wipe: false });
    central = await startTestCentral({ config, port, dataDir, now: () => clock.now() });
    await waitFor('the link back', () => office.app.sync!.status().connected);
    const again = (await (await fetch(`${central.url}/api/phone/${token(mine.id)}`)).json()) as { nudges: { webPush: { publicKey: string } } };
    expect(again.nudges.webPush.publicKey).toBe(vapidKey);
    await settle(1500);
    expect([push.received.length, sms.received.length]).toEqual([1, 1]);

    // Three more calls: the visitor's turn. Each channel says "desk 1" once.
    for (let i = 0; i < 3; i += 1) {
      await command(operator, 'ticket:no-show');
      await command(operator, 'ticket:call-next');
    }
    await waitFor('the calls', () => push.received.length === 2 && sms.received.length === 2);
    expect(JSON.parse(browser.decrypt(push.received[1]!.body)).body).toBe(`Ticket ${mine.number}: go to desk 1.`);
    expect(JSON.parse(sms.received[1]!.body.toString()).message).toBe(`Талон ${mine.number}: подойдите к окну 1.`);
    await command(operator, 'ticket:recall').catch(() => undefined);
    await settle(1000);
    expect([push.received.length, sms.received.length]).toEqual([2, 2]);
    // Never a name: the office sends none, and the texts are made of number and desk.
    for (const r of [...sms.received]) expect(r.body.toString()).not.toMatch(/Иванова|Смирнова/);

    // The next office day the nudges, and the phone number with them, are gone.
    clock.set(TUESDAY_9_00 + 24 * 60 * 60 * 1000);
    await central.service.applyRetention();
    expect(await central.service.store.phoneNudgesOf(OFFICE, [mine.id])).toEqual([]);
  });
});
