import { emptyDayCounts } from '@talon/domain';
import type { SyncOutboxMessage } from '@talon/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import type { CentralStore, NewCentralBooking } from './central-store.js';
import { describeReportRollUp } from './report-days.contract.js';

const T = Date.UTC(2026, 10, 24, 7, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const issued = (n: number, officeId = 'north'): SyncOutboxMessage => ({
  eventId: `${officeId}-e${n}`,
  officeId,
  seq: n,
  event: {
    type: 'ticket.issued', at: T + n, actor: { kind: 'kiosk', deviceId: 'k1' },
    ticket: { id: `${officeId}-t${n}`, number: `A${String(n).padStart(3, '0')}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T + n, queuedAt: T + n },
  } as SyncOutboxMessage['event'],
});
const booking = (n: number, extra: Partial<NewCentralBooking> = {}): NewCentralBooking => ({
  id: `cb-${n}`, code: String(10_000_000 + n), officeId: 'north', serviceId: 'contracts', slotStart: T + 60 * MINUTE, slotMinutes: 30,
  capacity: 1, customerName: 'Иванова Мария', phone: '+79161234567', at: T, ...extra,
});

/**
 * What every CentralStore must do, whatever is behind it. The SQLite store runs it today; a
 * PostgreSQL store runs the same file before it may take over.
 */
export function describeCentralStore(name: string, open: () => Promise<{ store: CentralStore; dispose: () => Promise<void> }>): void {
  describe(`${name}: the CentralStore contract`, () => {
    let store: CentralStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
      await store.saveOfficeSummary('north', sampleOfficeSummary(), T);
    });
    afterEach(() => dispose());

    it('keeps office summaries', async () => {
      expect((await store.officeSummaries()).get('north')?.name).toBe('ЦОК «Северный»');
    });

    it("answers an office's hello with its bookings version, rewriting its summary only when it changed, for many offices at once", async () => {
      await store.createBooking(booking(1));
      expect(await store.officeHello('north', sampleOfficeSummary(), T + 1)).toEqual({ bookingsVersion: 1, summaryChanged: false });
      const renamed = { ...sampleOfficeSummary(), name: 'ЦОК «Северный-2»' };
      expect(await store.officeHello('north', renamed, T + 2)).toEqual({ bookingsVersion: 1, summaryChanged: true });
      expect((await store.officeSummaries()).get('north')?.name).toBe('ЦОК «Северный-2»');
      // A whole network relinking at once (a node died): each answered for itself.
      const ids = Array.from({ length: 50 }, (_, i) => `office-${String(i).padStart(2, '0')}`);
      const first = await Promise.all(ids.map((o) => store.officeHello(o, { ...sampleOfficeSummary(), name: o }, T)));
      expect(first.every((a) => a.bookingsVersion === 0 && a.summaryChanged)).toBe(true);
      const again = await Promise.all([...ids, 'north'].map((o) => store.officeHello(o, o === 'north' ? renamed : { ...sampleOfficeSummary(), name: o }, T + 3)));
      expect(again).toEqual([...ids.map(() => ({ bookingsVersion: 0, summaryChanged: false })), { bookingsVersion: 1, summaryChanged: false }]);
      const summaries = await store.officeSummaries();
      expect(ids.every((o) => summaries.get(o)?.name === o)).toBe(true);
    });

    it('holds each event once, in the office order, and names the gap it cannot fill', async () => {
      expect(await store.ingest('north', [issued(1), issued(2)], T)).toMatchObject({ acked: ['north-e1', 'north-e2'] });
      expect(await store.ingest('north', [issued(2), issued(3)], T)).toMatchObject({ acked: ['north-e2', 'north-e3'] });
      const gap = await store.ingest('north', [issued(5)], T);
      expect(gap).toMatchObject({ acked: [], resendFrom: 4 });
      expect(await store.eventCount('north')).toBe(3);
      expect(await store.eventCount('south')).toBe(0);
    });

    it('answers each of many offices pushing at once for itself: a gap in one holds up no other', async () => {
      // Pushes arriving in one tick may share a transaction (group commit); each answer is its own.
      const offices = Array.from({ length: 40 }, (_, i) => `office-${String(i).padStart(2, '0')}`);
      const gapped = 'office-17';
      const first = await Promise.all(offices.map((o) => store.ingest(o, o === gapped ? [issued(1, o), issued(3, o)] : [issued(1, o), issued(2, o)], T)));
      first.forEach((outcome, i) => {
        const o = offices[i]!;
        expect(outcome).toEqual(o === gapped ? { acked: [`${o}-e1`], bookingsChanged: false, resendFrom: 2 } : { acked: [`${o}-e1`, `${o}-e2`], bookingsChanged: false });
      });
      // Again at once: resends of what is held, new events, and the gap filled.
      const second = await Promise.all(offices.map((o) => store.ingest(o, [issued(2, o), issued(3, o), issued(4, o)], T)));
      second.forEach((outcome, i) => expect(outcome).toEqual({ acked: [2, 3, 4].map((n) => `${offices[i]}-e${n}`), bookingsChanged: false }));
      for (const o of offices) expect(await store.eventCount(o)).toBe(4);
      expect((await store.qualityVisits('office-03', '2026-11-24', '2026-11-24')).map((v) => v.ticketId)).toEqual([1, 2, 3, 4].map((n) => `office-03-t${n}`));
    });

    it('gives the last place to one booking and frees it on cancel', async () => {
      expect(await store.createBooking(booking(1))).toMatchObject({ ok: true, booking: { status: 'booked', origin: 'central', version: 1 } });
      expect(await store.createBooking(booking(2))).toEqual({ ok: false, reason: 'slot-full' });
      expect(await store.createBooking(booking(3, { code: String(10_000_001) }))).toEqual({ ok: false, reason: 'code-taken' });
      expect(await store.bookedPerSlot('north', 'contracts', T, T + DAY)).toEqual(new Map([[T + 60 * MINUTE, 1]]));
      expect(await store.cancelBooking('cb-1', T)).toMatchObject({ status: 'cancelled' });
      expect(await store.cancelBooking('cb-1', T)).toMatchObject({ status: 'cancelled' });
      expect(await store.bookedPerSlot('north', 'contracts', T, T + DAY)).toEqual(new Map([[T + 60 * MINUTE, 0]]));
      expect(await store.createBooking(booking(2))).toMatchObject({ ok: true });
    });

    it('feeds an office its booking changes in version order, and takes its check-ins back', async () => {
      await store.createBooking(booking(1));
      await store.createBooking(booking(2, { slotStart: T + 90 * MINUTE }));
      await store.cancelBooking('cb-2', T);
      const { changes, version } = await store.bookingChangesSince('north', 0, 10);
      expect(changes.map((c) => [c.bookingId, c.status])).toEqual([['cb-1', 'booked'], ['cb-2', 'cancelled']]);
      expect(changes.every((c) => !('phone' in c))).toBe(true);
      expect(version).toBe(await store.bookingsVersion('north'));
      expect(await store.bookingsVersions(['north', 'south', 'nowhere'])).toEqual(new Map([['north', version]]));
      expect((await store.bookingChangesSince('north', version, 10)).changes).toEqual([]);
      expect((await store.bookingChangesSince('south', 0, 10)).changes).toEqual([]);

      const checkIn = { eventId: 'north-e1', officeId: 'north', seq: 1, event: { type: 'booking.checked-in', at: T, actor: { kind: 'kiosk', deviceId: 'k1' }, bookingId: 'cb-1', ticketId: 't1', late: false } } as SyncOutboxMessage;
      expect(await store.ingest('north', [checkIn], T)).toMatchObject({ bookingsChanged: true });
      expect(await store.bookingsByCode('10000001')).toMatchObject([{ status: 'arrived', ticketId: 't1' }]);
      expect(await store.activeBookingsOfPhone('+79161234567', T)).toBe(0);
    });

    it("keeps a ticket's nudges, marks each moment sent once across callers, and forgets them with the day", async () => {
      const nudge = (id: string, ticketId: string, officeDay = '2026-11-24') => ({
        id, officeId: 'north', ticketId, officeDay, channel: 'sms', address: '+79161234567', peopleLeft: 3,
        consentText: 'Согласен получать SMS о талоне', consentAt: T, createdAt: T,
      });
      await store.savePhoneNudge(nudge('n1', 't1'));
      await store.savePhoneNudge(nudge('n2', 't2'));
      await store.savePhoneNudge(nudge('n0', 't1', '2026-11-23'));
      expect((await store.phoneNudgesOf('north', ['t1'])).map((n) => n.id).sort()).toEqual(['n0', 'n1']);
      expect(await store.phoneNudgesOf('north', [])).toEqual([]);
      expect(await store.phoneNudgesOf('south', ['t1'])).toEqual([]);
      expect((await store.phoneNudgesOf('north', ['t2']))[0]).toEqual({ ...nudge('n2', 't2'), aheadSentAt: null, calledSentAt: null });
      // Two nodes (or a restart) racing for the same moment: exactly one wins.
      const claims = await Promise.all([store.claimPhoneNudge('n1', 'ahead', T + 1), store.claimPhoneNudge('n1', 'ahead', T + 2)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimPhoneNudge('n1', 'called', T + 3)).toBe(true);
      expect(await store.claimPhoneNudge('n1', 'called', T + 4)).toBe(false);
      expect(await store.claimPhoneNudge('missing', 'called', T)).toBe(false);
      expect((await store.phoneNudgesOf('north', ['t1'])).find((n) => n.id === 'n1')).toMatchObject({ calledSentAt: T + 3 });
      expect(await store.forgetPhoneNudges('north', '2026-11-24')).toBe(1);
      expect((await store.phoneNudgesOf('north', ['t1', 't2'])).map((n) => n.id).sort()).toEqual(['n1', 'n2']);
    });

    it('keeps a place taken from home once per request key, finds it by ticket, and forgets it with the day', async () => {
      const join = (requestKey: string, ticketId: string, officeDay = '2026-11-24') => ({
        officeId: 'north', requestKey, ticketId, number: 'A007', serviceId: 'payments', officeDay, code: '123456789012', createdAt: T,
      });
      expect(await store.saveRemoteJoin(join('key-aaaaaaaaaaaaaaaa', 't1'))).toEqual(join('key-aaaaaaaaaaaaaaaa', 't1'));
      // A retry that raced the first (another node) gets the first one's ticket, never a second.
      expect(await store.saveRemoteJoin(join('key-aaaaaaaaaaaaaaaa', 't2'))).toMatchObject({ ticketId: 't1' });
      expect(await store.remoteJoinByKey('north', 'key-aaaaaaaaaaaaaaaa')).toMatchObject({ ticketId: 't1', code: '123456789012' });
      expect(await store.remoteJoinByKey('south', 'key-aaaaaaaaaaaaaaaa')).toBeUndefined();
      expect(await store.remoteJoinOfTicket('north', 't1')).toMatchObject({ requestKey: 'key-aaaaaaaaaaaaaaaa' });
      expect(await store.remoteJoinOfTicket('north', 't2')).toBeUndefined();
      await store.saveRemoteJoin(join('key-bbbbbbbbbbbbbbbb', 't0', '2026-11-23'));
      expect(await store.forgetRemoteJoins('north', '2026-11-24')).toBe(1);
      expect(await store.remoteJoinByKey('north', 'key-bbbbbbbbbbbbbbbb')).toBeUndefined();
      expect(await store.remoteJoinByKey('north', 'key-aaaaaaaaaaaaaaaa')).toBeDefined();
    });

    it("keeps one questionnaire answer per ticket, with the served visit's service and operator, and counts who opened the page", async () => {
      const on = (seq: number, event: Record<string, unknown>): SyncOutboxMessage =>
        ({ eventId: `north-e${seq}`, officeId: 'north', seq, event: { at: T + seq * MINUTE, actor: { kind: 'operator', operatorId: 'op-1' }, ticketId: 'north-t1', ...event } }) as unknown as SyncOutboxMessage;
      expect(await store.questionnaireTicket('north', 'north-t1')).toBeUndefined();
      await store.ingest('north', [issued(1), on(2, { type: 'ticket.called', deskId: 'desk-1', operatorId: 'op-1' })], T);
      expect(await store.questionnaireTicket('north', 'north-t1')).toMatchObject({ status: 'called', answered: false });
      await store.ingest('north', [on(3, { type: 'ticket.finished', deskId: 'desk-1', operatorId: 'op-1', serviceMs: 60_000 })], T);
      expect(await store.questionnaireTicket('north', 'north-t1')).toEqual({ status: 'done', officeDay: '2026-11-24', serviceId: 'payments', operatorId: 'op-1', answered: false });

      expect((await store.qualityVisits('north', '2026-11-24', '2026-11-24'))[0]!.phonePageOpened).toBeUndefined();
      await store.saveQualityDays('north', [emptyDayCounts('2026-11-24')], T);
      await store.markPhonePageOpened('north', 'north-t1', '2026-11-24', T);
      // The first opening drops the day's stored counts (its reach changed); a second changes nothing.
      expect(await store.qualityDays('2026-11-24', '2026-11-24')).toEqual([]);
      await store.saveQualityDays('north', [emptyDayCounts('2026-11-24')], T);
      await store.markPhonePageOpened('north', 'north-t1', '2026-11-24', T + 1);
      expect(await store.qualityDays('2026-11-24', '2026-11-24')).toHaveLength(1);
      expect((await store.qualityVisits('north', '2026-11-24', '2026-11-24'))[0]!.phonePageOpened).toBe(true);

      const answer = { officeId: 'north', ticketId: 'north-t1', officeDay: '2026-11-24', serviceId: 'payments', operatorId: 'op-1', solved: true, ease: 4, answeredAt: T + 10 * MINUTE };
      // Two nodes (or a double tap) at once: one answer is kept.
      const saved = await Promise.all([store.saveQuestionnaireAnswer(answer), store.saveQuestionnaireAnswer({ ...answer, solved: false, ease: 1 })]);
      expect(saved.filter(Boolean)).toHaveLength(1);
      expect(await store.saveQuestionnaireAnswer({ ...answer, ease: 2 })).toBe(false);
      expect(await store.questionnaireTicket('north', 'north-t1')).toMatchObject({ answered: true });
      const kept = await store.questionnaireAnswers('north', '2026-11-24', '2026-11-24');
      expect(kept).toHaveLength(1);
      expect([{ ticketId: 'north-t1', solved: true, ease: 4, answeredAt: T + 10 * MINUTE }, { ticketId: 'north-t1', solved: false, ease: 1, answeredAt: T + 10 * MINUTE }]).toContainEqual(kept[0]);
      // The day's stored counts went with the first answer: the next read counts it.
      expect(await store.qualityDays('2026-11-24', '2026-11-24')).toEqual([]);
      expect(await store.questionnaireAnswers('north', '2026-11-25', '2026-11-30')).toEqual([]);
      expect(await store.questionnaireAnswers('south', '2026-11-24', '2026-11-24')).toEqual([]);

      await store.saveQuestionnaireAnswer({ ...answer, ticketId: 'north-t9', solved: null, ease: 5 });
      expect((await store.questionnaireAnswers('north', '2026-11-24', '2026-11-24')).find((a) => a.ticketId === 'north-t9')).toEqual({ ticketId: 'north-t9', ease: 5, answeredAt: T + 10 * MINUTE });
    });

    it('keeps a generated setting once: the first value stays', async () => {
      expect(await store.settingOnce('vapid', 'first')).toBe('first');
      expect(await store.settingOnce('vapid', 'second')).toBe('first');
    });

    it("keeps a counter booking's phone like an on-line booking's: counted per phone, never sent down, forgotten after the slot", async () => {
      const counter = {
        eventId: 'north-e1', officeId: 'north', seq: 1,
        event: {
          type: 'booking.created', at: T, actor: { kind: 'operator', operatorId: 'admin' },
          booking: { id: 'ob-1', code: '200000000001', serviceId: 'contracts', slotStart: T + 60 * MINUTE, slotMinutes: 30, source: 'office', customerName: 'Кузьмина', customerPhone: '+79165551234', phoneConsentAt: T },
        },
      } as unknown as SyncOutboxMessage;
      const forged = { ...counter, eventId: 'north-e2', seq: 2, event: { ...counter.event, booking: { ...(counter.event as { booking: object }).booking, id: 'ob-2', code: '200000000002', customerPhone: 'call me' } } } as SyncOutboxMessage;
      await store.ingest('north', [counter, forged], T);
      expect(await store.activeBookingsOfPhone('+79165551234', T)).toBe(1);
      const { changes } = await store.bookingChangesSince('north', 0, 10);
      expect(changes.map((c) => c.bookingId)).toEqual(['ob-1', 'ob-2']);
      expect(JSON.stringify(changes)).not.toContain('5551234');
      expect(await store.forgetPersonalData(T + 91 * MINUTE)).toBe(2);
      expect(await store.activeBookingsOfPhone('+79165551234', T)).toBe(0);
    });

    it("finds and cancels a counter booking an office reported, gives the cancel a version the office pulls, and lets the office's check-in win", async () => {
      const counter = (seq: number, id: string, code: string, slotStart: number, officeId = 'north', phone: string | null = '+79165551234'): SyncOutboxMessage => ({
        eventId: `${officeId}-e${seq}`, officeId, seq,
        event: {
          type: 'booking.created', at: T + seq, actor: { kind: 'operator', operatorId: 'admin' },
          booking: { id, code, serviceId: 'contracts', slotStart, slotMinutes: 30, source: 'office', customerName: 'Кузьмина', ...(phone && { customerPhone: phone, phoneConsentAt: T }) },
        },
      }) as unknown as SyncOutboxMessage;
      const officeSays = (seq: number, event: Record<string, unknown>): SyncOutboxMessage =>
        ({ eventId: `north-e${seq}`, officeId: 'north', seq, event: { at: T + seq, actor: { kind: 'kiosk', deviceId: 'k1' }, ...event } }) as unknown as SyncOutboxMessage;
      const slot = T + 60 * MINUTE;
      const later = T + 90 * MINUTE;
      const evening = T + 150 * MINUTE;
      await store.ingest('north', [counter(1, 'ob-1', '200000000001', slot), counter(2, 'ob-2', '200000000002', later, 'north', null)], T);
      // Two offices may hand out the same code (the old 6 digits): both are found, oldest first.
      await store.ingest('south', [counter(1, 'sb-1', '123456', slot, 'south'), counter(2, 'sb-2', '654321', slot, 'south')], T);
      await store.ingest('north', [counter(3, 'ob-3', '123456', evening, 'north', '+79031112233')], T);
      expect(await store.bookingsByCode('200000000001')).toMatchObject([{ id: 'ob-1', origin: 'office', officeId: 'north', status: 'booked', phone: '+79165551234' }]);
      expect(await store.bookingsByCode('200000000002')).toMatchObject([{ id: 'ob-2', origin: 'office', phone: null }]);
      expect((await store.bookingsByCode('123456')).map((b) => [b.id, b.officeId])).toEqual([['sb-1', 'south'], ['ob-3', 'north']]);
      expect(await store.bookingsByCode('999999999999')).toEqual([]);
      // Central hands out no code an office's booking holds.
      expect(await store.createBooking(booking(1, { code: '200000000001', slotStart: T + 120 * MINUTE }))).toEqual({ ok: false, reason: 'code-taken' });
      expect((await store.bookedPerSlot('north', 'contracts', T, T + DAY)).get(slot)).toBe(1);

      // Cancelled at central: the place is free and the office's next pull brings the cancel down.
      const { version: known } = await store.bookingChangesSince('north', 0, 100);
      expect(await store.cancelBooking('ob-1', T)).toMatchObject({ id: 'ob-1', origin: 'office', status: 'cancelled' });
      expect((await store.bookedPerSlot('north', 'contracts', T, T + DAY)).get(slot)).toBe(0);
      const down = await store.bookingChangesSince('north', known, 100);
      expect(down.changes).toEqual([expect.objectContaining({ bookingId: 'ob-1', code: '200000000001', status: 'cancelled' })]);
      expect(JSON.stringify(down.changes)).not.toContain('5551234');
      expect((await store.bookingChangesSince('south', 0, 100)).changes.map((c) => c.bookingId)).toEqual(['sb-1', 'sb-2']);
      // The office applies it and reports its own cancel back up: known already, the place not freed twice.
      expect(await store.ingest('north', [officeSays(4, { type: 'booking.cancelled', bookingId: 'ob-1' })], T)).toMatchObject({ bookingsChanged: false });
      expect((await store.bookedPerSlot('north', 'contracts', T, T + DAY)).get(slot)).toBe(0);
      expect((await store.bookingChangesSince('north', down.version, 100)).changes).toEqual([]);
      expect(await store.cancelBooking('ob-1', T)).toMatchObject({ status: 'cancelled' });
      expect(await store.cancelBooking('nothing', T)).toBeUndefined();

      // The race: central cancels while the office checks the visitor in. The office's check-in wins
      // here too: the booking shows arrived, its place is taken again, and a second cancel changes nothing.
      expect(await store.cancelBooking('ob-3', T)).toMatchObject({ status: 'cancelled' });
      expect((await store.bookedPerSlot('north', 'contracts', T, T + DAY)).get(evening)).toBe(0);
      const raced = await store.bookingsVersion('north');
      expect(await store.ingest('north', [officeSays(5, { type: 'booking.checked-in', bookingId: 'ob-3', ticketId: 'north-t7', late: false })], T)).toMatchObject({ bookingsChanged: true });
      expect(await store.bookingsByCode('123456')).toMatchObject([{ id: 'sb-1', status: 'booked' }, { id: 'ob-3', status: 'arrived', ticketId: 'north-t7' }]);
      expect((await store.bookedPerSlot('north', 'contracts', T, T + DAY)).get(evening)).toBe(1);
      expect((await store.bookingChangesSince('north', raced, 100)).changes).toEqual([expect.objectContaining({ bookingId: 'ob-3', status: 'arrived' })]);
      expect(await store.cancelBooking('ob-3', T)).toMatchObject({ status: 'arrived' });
      expect((await store.bookedPerSlot('north', 'contracts', T, T + DAY)).get(evening)).toBe(1);
      // A check-in of a booking nobody cancelled keeps its one place.
      expect(await store.ingest('south', [{ ...officeSays(3, { type: 'booking.checked-in', bookingId: 'sb-1', ticketId: 'south-t1', late: false }), eventId: 'south-e3', officeId: 'south' }], T)).toMatchObject({ bookingsChanged: true });
      expect((await store.bookedPerSlot('south', 'contracts', T, T + DAY)).get(slot)).toBe(2);
    });

    it('forgets names and phones after the slot, not before', async () => {
      await store.createBooking(booking(1));
      expect(await store.forgetPersonalData(T + 60 * MINUTE)).toBe(0);
      expect(await store.forgetPersonalData(T + 91 * MINUTE)).toBe(1);
      expect(await store.bookingsByCode('10000001')).toMatchObject([{ phone: null, customerName: null }]);
    });

    it('keeps what the quality programme needs of a visit, and drops a day\'s counts when a late event touches it', async () => {
      const on = (seq: number, event: Record<string, unknown>): SyncOutboxMessage =>
        ({ eventId: `north-e${seq}`, officeId: 'north', seq, event: { at: T + seq * MINUTE, actor: { kind: 'operator', operatorId: 'op-1' }, ticketId: 'north-t1', ...event } }) as unknown as SyncOutboxMessage;
      const first = issued(1);
      (first.event as { ticket: Record<string, unknown> }).ticket['accountKey'] = 'hmac-of-account';
      await store.ingest('north', [
        first,
        on(2, { type: 'ticket.called', deskId: 'desk-1', operatorId: 'op-1' }),
        on(3, { type: 'ticket.transferred', toServiceId: 'contracts', queuedAt: T }),
        on(4, { type: 'ticket.called', deskId: 'desk-2', operatorId: 'op-2' }),
        on(5, { type: 'ticket.finished', deskId: 'desk-2', operatorId: 'op-2', serviceMs: 60_000, outcomeId: 'bill-complaint' }),
      ], T);
      expect(await store.qualityVisits('north', '2026-11-24', '2026-11-24')).toEqual([
        {
          ticketId: 'north-t1', ticketNumber: 'A001', officeDay: '2026-11-24', firstServiceId: 'payments', serviceId: 'contracts',
          issuedAt: T + 1, calledAt: T + 2 * MINUTE, deskId: 'desk-2', operatorId: 'op-2', finishedAt: T + 5 * MINUTE,
          outcomeId: 'bill-complaint', transfers: 1, booked: false, accountKey: 'hmac-of-account',
        },
      ]);
      expect(await store.qualityVisits('south', '2026-11-24', '2026-11-24')).toEqual([]);

      const counts = (day: string) => ({ ...emptyDayCounts(day), withAccount: 1 });
      await store.saveQualityDays('north', [counts('2026-11-23'), counts('2026-11-24')], T);
      await store.saveQualityDays('north', [counts('2026-11-24')], T + 1);
      expect((await store.qualityDays('2026-11-01', '2026-11-30')).map((d) => [d.officeId, d.counts.officeDay, d.counts.withAccount])).toEqual([
        ['north', '2026-11-23', 1],
        ['north', '2026-11-24', 1],
      ]);
      await store.ingest('north', [on(6, { type: 'ticket.rated', value: 2 })], T);
      expect((await store.qualityDays('2026-11-01', '2026-11-30')).map((d) => d.counts.officeDay)).toEqual(['2026-11-23']);
      expect((await store.qualityVisits('north', '2026-11-24', '2026-11-24'))[0]).toMatchObject({ rating: 2, ratedAt: T + 6 * MINUTE });

      expect(await store.accountKeyDays(T + 1)).toEqual([]);
      expect(await store.accountKeyDays(T + 2)).toEqual([{ officeId: 'north', officeDay: '2026-11-24' }]);
      expect(await store.forgetAccountKeys(T + 2)).toBe(1);
      expect(await store.forgetAccountKeys(T + 2)).toBe(0);
      expect((await store.qualityVisits('north', '2026-11-24', '2026-11-24'))[0]!.accountKey).toBeUndefined();
    });

    it('reads the look-back window for keyed served visits only, lists the low ratings newest first, and tells which days are counted', async () => {
      const visit = (n: number, day: string, at: number, extra: { accountKey?: string; rating?: number; served?: boolean }, officeId = 'north'): SyncOutboxMessage[] => {
        const ticketId = `${officeId}-v${n}`;
        const on = (k: number, event: Record<string, unknown>) =>
          ({ eventId: `${ticketId}-${k}`, officeId, seq: n * 10 + k, event: { at: at + k * MINUTE, actor: { kind: 'operator', operatorId: 'op-1' }, ticketId, ...event } }) as unknown as SyncOutboxMessage;
        return [
          { eventId: `${ticketId}-0`, officeId, seq: n * 10, event: { type: 'ticket.issued', at, actor: { kind: 'kiosk', deviceId: 'k1' },
            ticket: { id: ticketId, number: `A${n}`, serviceId: 'payments', officeDay: day, kind: 'walk-in', issuedAt: at, queuedAt: at, ...(extra.accountKey && { accountKey: extra.accountKey }) } } } as SyncOutboxMessage,
          on(1, { type: 'ticket.called', deskId: 'desk-1', operatorId: 'op-1' }),
          ...(extra.served === false ? [on(2, { type: 'ticket.no-show' })] : [on(2, { type: 'ticket.finished', deskId: 'desk-1', operatorId: 'op-1', serviceMs: MINUTE })]),
          ...(extra.rating ? [on(3, { type: 'ticket.rated', value: extra.rating })] : []),
        ];
      };
      const seqFrom1 = (list: SyncOutboxMessage[]) => list.map((m, i) => ({ ...m, seq: i + 1 }));
      await store.ingest('north', seqFrom1([
        ...visit(1, '2026-11-20', T - 4 * DAY, { accountKey: 'k-anna' }),
        ...visit(2, '2026-11-20', T - 4 * DAY + MINUTE, {}),
        ...visit(3, '2026-11-20', T - 4 * DAY + 2 * MINUTE, { accountKey: 'k-boris', served: false }),
        ...visit(4, '2026-11-24', T, { accountKey: 'k-anna', rating: 1 }),
        ...visit(5, '2026-11-24', T + 5 * MINUTE, { rating: 2 }),
        ...visit(6, '2026-11-24', T + 9 * MINUTE, { rating: 5 }),
      ]), T);
      await store.saveOfficeSummary('south', sampleOfficeSummary(), T);
      await store.ingest('south', seqFrom1(visit(7, '2026-11-24', T + 20 * MINUTE, { rating: 1 }, 'south')), T);

      expect((await store.qualityVisits('north', '2026-11-24', '2026-11-24', '2026-11-01')).map((v) => v.ticketId).sort()).toEqual(['north-v1', 'north-v4', 'north-v5', 'north-v6']);
      expect((await store.qualityVisits('north', '2026-11-20', '2026-11-24')).map((v) => v.ticketId)).toHaveLength(6);

      const low = await store.lowRatedVisits(['north', 'south'], '2026-11-24', '2026-11-24', 2);
      expect(low.more).toBe(true);
      expect(low.visits.map((v) => [v.officeId, v.visit.ticketId, v.visit.rating])).toEqual([['south', 'south-v7', 1], ['north', 'north-v5', 2]]);
      expect((await store.lowRatedVisits(['north', 'south'], '2026-11-24', '2026-11-24', 3)).more).toBe(false);
      expect((await store.lowRatedVisits(['north'], '2026-11-24', '2026-11-24', 10)).visits.map((v) => v.visit.ticketId)).toEqual(['north-v5', 'north-v4']);
      expect(await store.lowRatedVisits(['north'], '2026-11-25', '2026-11-30', 10)).toEqual({ more: false, visits: [] });

      await store.saveQualityDays('north', [emptyDayCounts('2026-11-20')], T);
      await store.saveQualityDays('south', [emptyDayCounts('2026-11-24')], T);
      expect((await store.countedQualityDays('2026-11-01', '2026-11-30')).sort((a, b) => (a.officeId < b.officeId ? -1 : 1))).toEqual([
        { officeId: 'north', officeDay: '2026-11-20' },
        { officeId: 'south', officeDay: '2026-11-24' },
      ]);
    });
  });
  describeReportRollUp(name, open);
}

