import type { SyncOutboxMessage } from '@talon/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import type { CentralStore, NewCentralBooking } from './central-store.js';

// 2026-11-24 07:00 UTC: office days up to 2026-11-22 are closed (report-days.ts), 11-23 and 11-24 open.
const NOW = Date.UTC(2026, 10, 24, 7, 0);
const MINUTE = 60_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const WEEK = { from: '2026-11-18', to: '2026-11-24' };

/**
 * The report's roll-up of closed days (report-days.ts): whatever the store, a report read from it
 * equals the same report read from the tickets alone (`rolledUp: false`), before and after late
 * events, a new waiting standard, and retention. Three offices whose office days fall on different
 * UTC dates (Moscow, UTC+14, UTC-10), and one central has bookings of but no summary.
 */
export function describeReportRollUp(name: string, open: () => Promise<{ store: CentralStore; dispose: () => Promise<void> }>): void {
  describe(`${name}: the report's roll-up of closed days`, () => {
    let store: CentralStore;
    let dispose: () => Promise<void>;
    const seqs = new Map<string, number>();
    /** Sends events up as the office does: each with the office's next seq. */
    const send = async (officeId: string, ...events: Record<string, unknown>[]) => {
      const messages = events.map((event) => {
        const seq = (seqs.get(officeId) ?? 0) + 1;
        seqs.set(officeId, seq);
        return { eventId: `${officeId}-e${seq}`, officeId, seq, event: { actor: { kind: 'operator', operatorId: 'op-1' }, ...event } } as unknown as SyncOutboxMessage;
      });
      expect((await store.ingest(officeId, messages, NOW)).resendFrom).toBeUndefined();
    };
    const issue = (id: string, officeDay: string, at: number, extra: Record<string, unknown> = {}) =>
      ({ type: 'ticket.issued', at, ticket: { id, number: id.toUpperCase(), serviceId: 'payments', officeDay, kind: 'walk-in', issuedAt: at, queuedAt: at, ...extra } });
    const on = (type: string, ticketId: string, at: number, extra: Record<string, unknown> = {}) => ({ type, at, ticketId, ...extra });
    const booking = (n: number, officeId: string, slotStart: number, extra: Partial<NewCentralBooking> = {}): NewCentralBooking => ({
      id: `cb-${n}`, code: String(30_000_000 + n), officeId, serviceId: 'contracts', slotStart, slotMinutes: 30, capacity: 5,
      customerName: 'Иванова Мария', phone: `+7916123${String(n).padStart(4, '0')}`, at: NOW - 7 * 24 * 60 * MINUTE, ...extra,
    });
    /** The report both ways; they must be equal. */
    const report = async (query: { from: string; to: string; officeId?: string } = WEEK) => {
      const rolled = await store.reportCounts({ ...query, now: NOW });
      expect(rolled).toEqual(await store.reportCounts({ ...query, now: NOW, rolledUp: false }));
      return rolled;
    };
    const row = (rows: Awaited<ReturnType<typeof report>>, officeId: string, day: string) => rows.find((r) => r.officeId === officeId && r.day === day);

    beforeEach(async () => {
      seqs.clear();
      ({ store, dispose } = await open());
      await store.saveOfficeSummary('north', sampleOfficeSummary(), NOW);
      await store.saveOfficeSummary('east', sampleOfficeSummary((s) => {
        s.timeZone = 'Pacific/Kiritimati';
        s.rules.waitingStandardMinutes = 10;
      }), NOW);
      await store.saveOfficeSummary('west', sampleOfficeSummary((s) => {
        s.timeZone = 'Pacific/Honolulu';
      }), NOW);
      // North, Moscow: a served, rated visit within the standard; one called late and not come; one still waiting; a ticket today.
      await send('north',
        issue('n1', '2026-11-20', utc('2026-11-20T06:00'), { accountKey: 'hmac-of-account' }), on('ticket.called', 'n1', utc('2026-11-20T06:05'), { deskId: 'd1' }),
        on('ticket.finished', 'n1', utc('2026-11-20T06:15'), { serviceMs: 600_000 }), on('ticket.rated', 'n1', utc('2026-11-20T06:16'), { value: 5 }),
        issue('n2', '2026-11-20', utc('2026-11-20T07:00')), on('ticket.called', 'n2', utc('2026-11-20T07:20'), { deskId: 'd1' }),
        on('ticket.no-show', 'n2', utc('2026-11-20T07:25')),
        issue('n3', '2026-11-20', utc('2026-11-20T08:00')),
        issue('n4', '2026-11-21', utc('2026-11-21T08:00')),
        issue('n5', '2026-11-24', utc('2026-11-24T06:00')));
      // East, UTC+14: its 2026-11-21 begins at 2026-11-20 10:00 UTC.
      await send('east',
        issue('e1', '2026-11-21', utc('2026-11-20T11:00')), on('ticket.called', 'e1', utc('2026-11-20T11:09'), { deskId: 'd1' }),
        on('ticket.finished', 'e1', utc('2026-11-20T11:20'), { serviceMs: 660_000 }), on('ticket.rated', 'e1', utc('2026-11-20T11:21'), { value: 3 }));
      // West, UTC-10: its 2026-11-22 (the last closed day) ends at 2026-11-23 10:00 UTC.
      await send('west', issue('w1', '2026-11-22', utc('2026-11-23T08:00')), on('ticket.called', 'w1', utc('2026-11-23T08:30'), { deskId: 'd1' }));
      // Bookings: on-line and at the office, due, come, cancelled; an office day on another UTC date; one for tomorrow.
      await store.createBooking(booking(1, 'north', utc('2026-11-20T07:00')));
      await store.createBooking(booking(2, 'north', utc('2026-11-20T07:30')));
      await store.cancelBooking('cb-2', NOW);
      await store.createBooking(booking(3, 'east', utc('2026-11-20T19:00')));
      await store.createBooking(booking(4, 'west', utc('2026-11-23T09:00')));
      await store.createBooking(booking(5, 'west', utc('2026-11-25T09:00')));
      await send('north', {
        type: 'booking.created', at: utc('2026-11-19T10:00'),
        booking: { id: 'ob-1', code: '200000000001', serviceId: 'contracts', slotStart: utc('2026-11-21T09:00'), slotMinutes: 30, source: 'office' },
      }, { type: 'booking.checked-in', at: utc('2026-11-21T08:55'), bookingId: 'ob-1', ticketId: 'n4', late: false });
      // South never said hello: its bookings are reported, as the tickets path reports them.
      await store.createBooking(booking(6, 'south', utc('2026-11-20T10:00')));
    });
    afterEach(() => dispose());

    it('reads closed days from their roll-up as the tickets would, counting each office day once', async () => {
      const rows = await report();
      expect(row(rows, 'north', '2026-11-20')).toEqual({
        officeId: 'north', day: '2026-11-20', tickets: 3, served: 1, noShows: 1, withinStandard: 1, waitMsTotal: 25 * MINUTE, waited: 2, ratings: 1, satisfied: 1,
        bookings: 1, bookingsArrived: 0, bookingsDue: 1,
      });
      expect(row(rows, 'east', '2026-11-21')).toMatchObject({ tickets: 1, withinStandard: 1, ratings: 1, satisfied: 0, bookings: 1, bookingsDue: 1 });
      expect(row(rows, 'west', '2026-11-22')).toMatchObject({ tickets: 1, withinStandard: 0, waitMsTotal: 30 * MINUTE, bookings: 1, bookingsDue: 1 });
      expect(row(rows, 'west', '2026-11-24')).toMatchObject({ tickets: 0, bookings: 1, bookingsDue: 0 });
      expect(row(rows, 'north', '2026-11-24')).toMatchObject({ tickets: 1 });
      expect(row(rows, 'south', '2026-11-20')).toMatchObject({ tickets: 0, bookings: 1 });
      // Counted at that first report: every office and closed day since central's first day, nothing left to count.
      expect(await store.rollUpReportDays({ ...WEEK, now: NOW })).toBe(0);
      for (const officeId of ['north', 'east', 'west', 'south']) await report({ ...WEEK, officeId });
      await report({ from: '2026-11-01', to: '2026-11-30' });
      await report({ from: '2026-11-20', to: '2026-11-20' });
    });

    it('counts closed days ahead of the report when asked (the edge timer), and only those', async () => {
      // 4 offices x the closed days from central's first day with anything (11-20) to 11-22.
      expect(await store.rollUpReportDays({ ...WEEK, now: NOW })).toBe(12);
      expect(await store.rollUpReportDays({ ...WEEK, now: NOW })).toBe(0);
      // A day later 11-23 has closed too.
      expect(await store.rollUpReportDays({ ...WEEK, now: NOW + 24 * 60 * MINUTE })).toBe(4);
      await report();
    });

    it('drops a rolled-up day when a late event touches it, so the next report counts it again', async () => {
      const before = await report();
      await send('north', on('ticket.rated', 'n2', utc('2026-11-23T09:00'), { value: 4 }));
      expect(row(await report(), 'north', '2026-11-20')).toMatchObject({ ratings: 2, satisfied: 2 });
      await send('north', on('ticket.called', 'n3', utc('2026-11-20T08:05'), { deskId: 'd2' }));
      expect(row(await report(), 'north', '2026-11-20')).toMatchObject({ waited: 3, withinStandard: 2 });
      for (const [type, extra] of [['ticket.serving-started', {}], ['ticket.postponed', {}], ['ticket.transferred', { toServiceId: 'contracts' }], ['ticket.finished', { serviceMs: 1 }]] as const) {
        await send('north', on(type, 'n3', utc('2026-11-20T08:10'), extra));
        await report();
      }
      expect(row(await report(), 'north', '2026-11-20')).toMatchObject({ served: 2 });
      await send('north', on('ticket.cancelled', 'n4', utc('2026-11-21T09:00')));
      await send('east', on('ticket.no-show', 'e1', utc('2026-11-20T12:00')));
      expect(row(await report(), 'east', '2026-11-21')).toMatchObject({ served: 0, noShows: 1 });
      // A day closed with nothing on it (a row of zeros) gets its first ticket late: the office was off-line.
      expect(row(before, 'west', '2026-11-21')).toBeUndefined();
      await send('west', issue('w0', '2026-11-21', utc('2026-11-21T20:00')));
      expect(row(await report(), 'west', '2026-11-21')).toMatchObject({ tickets: 1 });
      // And before the first day central held anything.
      await send('west', issue('w-early', '2026-11-10', utc('2026-11-10T20:00')));
      expect(row(await report({ from: '2026-11-01', to: '2026-11-30' }), 'west', '2026-11-10')).toMatchObject({ tickets: 1 });
      // Bookings: checked in late, cancelled at the office, expired at the day's close, cancelled on-line after the day.
      await send('north', { type: 'booking.checked-in', at: utc('2026-11-20T07:10'), bookingId: 'cb-1', ticketId: 'n2', late: true });
      expect(row(await report(), 'north', '2026-11-20')).toMatchObject({ bookingsArrived: 1 });
      await send('west', { type: 'booking.cancelled', at: utc('2026-11-23T08:00'), bookingId: 'cb-4' });
      expect(row(await report(), 'west', '2026-11-22')).toMatchObject({ bookings: 0 });
      await send('east', { type: 'day.earlier-closed', at: utc('2026-11-21T05:00'), cancelledTicketIds: [], expiredBookingIds: ['cb-3'] });
      await report();
      expect((await store.cancelBooking('cb-6', NOW))?.status).toBe('cancelled');
      expect(row(await report(), 'south', '2026-11-20')).toBeUndefined();
      await send('north', {
        type: 'booking.created', at: utc('2026-11-23T10:00'),
        booking: { id: 'ob-2', code: '200000000002', serviceId: 'contracts', slotStart: utc('2026-11-21T10:00'), slotMinutes: 30, source: 'office' },
      });
      expect(row(await report(), 'north', '2026-11-21')).toMatchObject({ bookings: 2, bookingsDue: 2 });
      await store.createBooking(booking(7, 'north', utc('2026-11-21T11:00')));
      expect(row(await report(), 'north', '2026-11-21')).toMatchObject({ bookings: 3 });
    });

    it("counts an office's closed days again under its new waiting standard", async () => {
      expect(row(await report(), 'north', '2026-11-20')).toMatchObject({ withinStandard: 1 });
      await store.saveOfficeSummary('north', sampleOfficeSummary((s) => {
        s.rules.waitingStandardMinutes = 30;
      }), NOW);
      expect(row(await report(), 'north', '2026-11-20')).toMatchObject({ withinStandard: 2 });
      // An office heard of by its bookings only says hello: its tickets now count.
      await store.saveOfficeSummary('south', sampleOfficeSummary(), NOW);
      await send('south', issue('s1', '2026-11-20', utc('2026-11-20T09:00')));
      expect(row(await report(), 'south', '2026-11-20')).toMatchObject({ tickets: 1, bookings: 1 });
    });

    it('keeps the roll-up through retention: forgetting names, phones and account keys changes no count', async () => {
      const before = await report();
      expect(await store.forgetPersonalData(NOW)).toBeGreaterThan(0);
      expect(await store.forgetAccountKeys(NOW)).toBe(1);
      expect(await report()).toEqual(before);
      expect(await store.rollUpReportDays({ ...WEEK, now: NOW })).toBe(0);
    });
  });
}
