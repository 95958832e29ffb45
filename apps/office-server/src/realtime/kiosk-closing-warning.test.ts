import type { IssuedTicket } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';

type Ok<T> = { ok: true } & T;

/** The demo office with its real hours, 08:00–17:00 Moscow on a Monday; payments' norm is 7 minutes. */
const MONDAY_08_00_MOSCOW = Date.UTC(2026, 10, 30, 5, 0);
const MONDAY_16_30_MOSCOW = Date.UTC(2026, 10, 30, 13, 30);

describe('the kiosk warns of closing time only when the queue says so', () => {
  const clock = manualClock(MONDAY_08_00_MOSCOW);
  let office: TestOffice;
  let kiosk: Socket;
  const issue = () => command<Ok<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId: 'payments' });

  beforeAll(async () => {
    office = await startTestOffice({ config: demoConfig((c) => (c.office.alwaysOpen = false)), clock });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
  });
  afterAll(() => office.stop());

  it('does not warn at opening time, when no desk is open yet and so there is no estimate', async () => {
    const first = await issue();
    expect(first).toMatchObject({ ok: true, estimatedWaitMin: null, mayNotBeServedToday: false });
    expect(first.closesAt).toBe(Date.UTC(2026, 10, 30, 14, 0));
    for (let i = 0; i < 9; i += 1) await issue();
  });

  it('near closing, warns once an open desk gives an estimate past closing, not before', async () => {
    clock.set(MONDAY_16_30_MOSCOW);
    // Ten ahead and no desk open: three desks serve payments, 10 × 7 / 3 = 24 minutes, before 17:00.
    expect(await issue()).toMatchObject({ peopleAhead: 10, estimatedWaitMin: null, mayNotBeServedToday: false });

    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    expect(await command(operator, 'desk:open', { deskId: 'desk-1' })).toMatchObject({ ok: true });
    // One desk open: 11 × 7 = 77 minutes, past 17:00.
    expect(await issue()).toMatchObject({ peopleAhead: 11, estimatedWaitMin: 77, mayNotBeServedToday: true });
  });
});
