import type { IssuedTicket, OfficeConfig } from '@talon/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';

type Issued = { ok: true } & IssuedTicket;

describe("the ticket's QR address", () => {
  let office: TestOffice;
  afterEach(() => office?.stop());

  it('is the port the server really listens on when the config names no public URL, and follows an admin change at once', async () => {
    office = await startTestOffice();
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const first = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    // Bound to loopback here, so loopback; never a fixed port the server is not on.
    expect(first.trackUrl).toBe(`${office.url}/t/${first.ticket.id}`);

    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const { config } = await command<{ ok: true; config: OfficeConfig }>(admin, 'config:get');
    config.office.publicUrl = 'https://cok-1.example.ru';
    expect(await command(admin, 'config:update', { config })).toMatchObject({ ok: true });
    const second = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(second.trackUrl).toBe(`https://cok-1.example.ru/t/${second.ticket.id}`);
  });
});
