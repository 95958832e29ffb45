import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { SyncOutboxMessage } from '@talon/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, TEST_OFFICE_KEYS, TEST_REPORT_TOKEN, type TestCentral } from '../testing/test-central.js';

const MINUTE = 60_000;
/** Tuesday 24 November 2026, 09:00 in Moscow. */
const T9 = Date.UTC(2026, 10, 24, 6, 0);
const kiosk = { kind: 'kiosk', deviceId: 'k1' } as const;
const desk = { kind: 'operator', operatorId: 'op' } as const;

/** A small office day told as events: who came, how long they waited, how it ended, what they pressed. */
function dayOf(officeId: string, visits: { wait: number; end: 'finished' | 'no-show' | 'waiting'; rating?: number; booking?: string }[]) {
  const events: SyncOutboxMessage['event'][] = [];
  visits.forEach((v, i) => {
    const id = `${officeId}-t${i}`;
    const issuedAt = T9 + i * MINUTE;
    if (v.booking) {
      events.push({ type: 'booking.created', at: T9 - 60 * MINUTE, actor: desk, booking: { id: v.booking, code: `10000${i}`, serviceId: 'payments', slotStart: issuedAt, slotMinutes: 15, source: 'office', customerName: 'Петров Иван' } } as never);
    }
    events.push({ type: 'ticket.issued', at: issuedAt, actor: kiosk, ticket: { id, number: `A00${i}`, serviceId: 'payments', officeDay: '2026-11-24', kind: v.booking ? 'booking' : 'walk-in', ...(v.booking && { bookingId: v.booking }), issuedAt, queuedAt: issuedAt } } as never);
    if (v.booking) events.push({ type: 'booking.checked-in', at: issuedAt, actor: kiosk, bookingId: v.booking, ticketId: id, late: false } as never);
    if (v.end === 'waiting') return;
    events.push({ type: 'ticket.called', at: issuedAt + v.wait * MINUTE, actor: desk, ticketId: id, deskId: 'd1', operatorId: 'op', reason: 'next-in-line' } as never);
    if (v.end === 'no-show') events.push({ type: 'ticket.no-show', at: issuedAt + (v.wait + 3) * MINUTE, actor: desk, ticketId: id, deskId: 'd1', reason: 'operator' } as never);
    else events.push({ type: 'ticket.finished', at: issuedAt + (v.wait + 5) * MINUTE, actor: desk, ticketId: id, deskId: 'd1', operatorId: 'op', serviceMs: 5 * MINUTE } as never);
    if (v.rating) events.push({ type: 'ticket.rated', at: issuedAt + (v.wait + 6) * MINUTE, actor: { kind: 'device', deviceId: 'a1' }, ticketId: id, deskId: 'd1', value: v.rating } as never);
  });
  return events.map((event, i): SyncOutboxMessage => ({ eventId: `${officeId}-e${i}`, officeId, seq: i + 1, event }));
}

describe('company reports', () => {
  let central: TestCentral;
  afterEach(() => central.stop());

  it('counts tickets, waits against the standard, no-shows, satisfaction and booking show-up per office and day, as JSON and CSV', async () => {
    central = await startTestCentral({ now: () => T9 + 8 * 60 * MINUTE });
    for (const [officeId, name, visits] of [
      ['north', 'ЦОК «Северный»', [
        { wait: 5, end: 'finished', rating: 5 },
        { wait: 20, end: 'finished', rating: 3 },
        { wait: 10, end: 'finished', rating: 4, booking: 'b-n1' },
        { wait: 2, end: 'no-show' },
      ]],
      ['south', 'ЦОК «Южный»', [{ wait: 1, end: 'finished' }, { wait: 0, end: 'waiting' }]],
    ] as const) {
      const office = await central.connectOffice({ officeId, key: TEST_OFFICE_KEYS[officeId] });
      await office.emitWithAck('office:hello', { summary: sampleOfficeSummary((s) => (s.name = name)) });
      const messages = dayOf(officeId, visits as never);
      // Sent twice, as after a lost ack: the report must not count anything twice.
      expect(await office.emitWithAck('events:push', { messages })).toMatchObject({ ok: true });
      expect(await office.emitWithAck('events:push', { messages })).toMatchObject({ ok: true });
    }
    // The name stays on the booking row (until retention), never in central's copy of the log.
    const db = new Database(join(central.dataDir, 'central.db'), { readonly: true });
    expect(db.prepare(`SELECT body FROM office_events WHERE type = 'booking.created'`).pluck().get()).not.toContain('Петров');
    expect(db.prepare(`SELECT customer_name FROM bookings`).pluck().get()).toBe('Петров Иван');
    db.close();
    const get = (query: string, token = TEST_REPORT_TOKEN) => fetch(`${central.url}/api/reports?${query}`, { headers: { authorization: `Bearer ${token}` } });

    expect((await get('from=2026-11-24&to=2026-11-24', 'wrong')).status).toBe(401);
    expect((await get('from=2026-11-25&to=2026-11-24')).status).toBe(400);
    const json = (await (await get('from=2026-11-01&to=2026-11-30')).json()) as { rows: unknown[] };
    expect(json.rows).toEqual([
      {
        officeId: 'north', officeName: 'ЦОК «Северный»', day: '2026-11-24', tickets: 4, served: 3, noShows: 1, withinStandard: 3,
        averageWaitMin: 9.3, ratings: 3, satisfaction: 0.667, bookings: 1, bookingsArrived: 1, bookingShowUpRate: 1,
      },
      {
        officeId: 'south', officeName: 'ЦОК «Южный»', day: '2026-11-24', tickets: 2, served: 1, noShows: 0, withinStandard: 1,
        averageWaitMin: 1, ratings: 0, satisfaction: null, bookings: 0, bookingsArrived: 0, bookingShowUpRate: null,
      },
    ]);
    const csv = await get('from=2026-11-24&to=2026-11-24&officeId=south&format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('talon-report-2026-11-24-2026-11-24.csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The byte-order mark is what makes Excel read the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'Дата;Код офиса;Офис;Талонов;Обслужено;Неявки;Вызвано в норматив;Среднее ожидание, мин;Оценок;Доля оценок 4 и 5;Записей;Пришли по записи;Явка по записи',
      '2026-11-24;south;ЦОК «Южный»;2;1;0;1;1;0;;0;0;',
      '',
    ]);
  });
});
