import type { IssuedTicket } from '@talon/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from '../testing/test-office.js';

/** Tuesday 24 November 2026, 09:00 in Moscow. */
const TUESDAY_9_00 = Date.UTC(2026, 10, 24, 6, 0);
const DAY = 24 * 60 * 60_000;

describe('personal data at the office', () => {
  let office: TestOffice | undefined;
  afterEach(() => office?.stop());

  it('keeps account numbers and comments in the office, and forgets them, names and phones after the retention', async () => {
    const clock = manualClock(TUESDAY_9_00);
    office = await startTestOffice({ clock });
    const { dataDir } = office;
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    const admin = await office.connect('/admin', { session: await office.login('admin') });
    const db = () => office!.app.context.db;

    const issued = await command<{ ok: true } & IssuedTicket>(kiosk, 'ticket:issue', { serviceId: 'meters', accountNumber: '1234567890' });
    const slots = await command<{ slots: { start: number }[] }>(admin, 'booking:slots', { serviceId: 'contracts', date: '2026-11-25' });
    await command(admin, 'booking:create', { serviceId: 'contracts', slotStart: slots.slots[0]!.start, customerName: 'Смирнова Анна', customerPhone: '8 (916) 555-12-34', phoneConsent: true });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    await command(operator, 'ticket:call-next');
    expect(await command(operator, 'ticket:transfer', { toServiceId: 'recalculation', comment: 'спорный счёт за октябрь' })).toMatchObject({ ok: true });

    const everything = () => JSON.stringify([
      db().prepare('SELECT account_number FROM tickets').all(),
      db().prepare('SELECT customer_name, customer_phone FROM bookings').all(),
      db().prepare('SELECT body FROM events').all(),
      db().prepare('SELECT body FROM outbox').all(),
    ]);
    const outbox = JSON.stringify(db().prepare('SELECT body FROM outbox').all());
    // The desks see all of it today; central never gets the account number or the comment.
    expect(everything()).toContain('1234567890');
    expect(everything()).toContain('спорный счёт');
    expect(outbox).not.toContain('1234567890');
    expect(outbox).not.toContain('спорный счёт');
    expect(outbox).toContain('Смирнова Анна');
    // The phone goes up like an on-line booking's, so the visitor may cancel it on the booking page.
    expect(outbox).toContain('+79165551234');
    expect(db().prepare('SELECT phone_consent_at FROM bookings').pluck().get()).toBe(TUESDAY_9_00);

    const events = db().prepare(`SELECT COUNT(*) FROM events`).pluck().get();
    // 29 days on, still within the default 30: a restart forgets nothing.
    await office.stop({ wipe: false });
    clock.set(TUESDAY_9_00 + 29 * DAY);
    office = await startTestOffice({ clock, dataDir });
    expect(everything()).toContain('1234567890');
    expect(everything()).toContain('Смирнова Анна');
    expect(everything()).toContain('+79165551234');

    // Past the retention (the booking's slot was a day after the visit): forgotten everywhere at start-up.
    await office.stop({ wipe: false });
    clock.set(TUESDAY_9_00 + 32 * DAY);
    office = await startTestOffice({ clock, dataDir });
    expect(everything()).not.toContain('1234567890');
    expect(everything()).not.toContain('спорный счёт');
    expect(everything()).not.toContain('Смирнова');
    expect(everything()).not.toContain('5551234');
    // The consent's time stays: the record that the office had it, naming nobody.
    expect(db().prepare('SELECT phone_consent_at FROM bookings').pluck().get()).toBe(TUESDAY_9_00);
    // What names nobody stays: the ticket, its number and its history.
    expect(db().prepare('SELECT number, service_id AS serviceId FROM tickets WHERE id = ?').get(issued.ticket.id)).toEqual({
      number: issued.ticket.number,
      serviceId: 'recalculation',
    });
    expect(db().prepare(`SELECT COUNT(*) FROM events WHERE type <> 'day.earlier-closed'`).pluck().get()).toBe(events);
  });
});
