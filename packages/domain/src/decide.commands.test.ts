import { describe, expect, it } from 'vitest';
import type { QueueCommand } from './commands.js';
import type { QueueEvent } from './events.js';
import { fromSnapshot, toSnapshot } from './snapshot.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver, type QueueDriver } from './testing/queue-driver.js';

/*
 * Every command rule as a table: a scene set up by accepted commands, then one command, then the
 * code it gets ('ok' when accepted). Office: Moscow, Mon-Fri 08:00-17:00, issuing until 16:45;
 * d1 serves payments (A) and meters (C), d2 contracts (B) then payments, d3 payments only.
 * The scene starts on Tuesday 24 November 2026 at 10:00.
 */

type Scene = (q: QueueDriver) => void;
type Row = [label: string, scene: Scene, command: QueueCommand, expected: string];

const HOUR = 60 * MINUTE;
const office = () => queueDriver(testOffice(), TUESDAY_10_00);
const result = (q: QueueDriver, command: QueueCommand) => {
  const d = q.run(command);
  return d.ok ? 'ok' : d.error.code;
};
const table = (rows: Row[]) =>
  it.each(rows)('%s', (_label, scene, command, expected) => {
    const q = office();
    scene(q);
    expect(result(q, command)).toBe(expected);
  });

// Scene steps; each returns nothing and refuses loudly if the scene itself is wrong.
const open = (deskId: string, operatorId: string): Scene => (q) => void q.must({ type: 'desk.open', deskId, operatorId });
const d1Open = open('d1', 'op1');
const issue = (serviceId = 'payments', categoryId?: string): Scene => (q) => void q.issue(serviceId, categoryId ? { categoryId } : {});
const callNext = (deskId = 'd1'): Scene => (q) => void q.must({ type: 'ticket.call-next', deskId });
const start = (deskId = 'd1'): Scene => (q) => void q.must({ type: 'ticket.start', deskId });
const finish = (deskId = 'd1'): Scene => (q) => void q.must({ type: 'ticket.finish', deskId });
const pause = (deskId = 'd1'): Scene => (q) => void q.must({ type: 'desk.pause', deskId, reason: 'break' });
const postpone = (deskId = 'd1'): Scene => (q) => void q.must({ type: 'ticket.postpone', deskId });
const wait = (minutes: number): Scene => (q) => q.advance(minutes * MINUTE);
const all = (...steps: Scene[]): Scene => (q) => steps.forEach((s) => s(q));
const nothing: Scene = () => {};
/** d1 open with t1 (payments) called to it. */
const called = all(d1Open, issue(), callNext());
/** … and in service. */
const serving = all(called, start());
const book = (code = 'AB12CD', slotFromTen = 30, serviceId = 'contracts'): Scene => (q) =>
  void q.must({ type: 'booking.create', bookingId: `b-${code}`, code, serviceId, slotStart: TUESDAY_10_00 + slotFromTen * MINUTE, slotMinutes: 30, source: 'central' });

describe('ticket.issue', () => {
  table([
    ['a walk-in', nothing, { type: 'ticket.issue', ticketId: 'x', serviceId: 'payments' }, 'ok'],
    ['with a category', nothing, { type: 'ticket.issue', ticketId: 'x', serviceId: 'payments', categoryId: 'disabled' }, 'ok'],
    ['an unknown service', nothing, { type: 'ticket.issue', ticketId: 'x', serviceId: 'gas' }, 'unknown-service'],
    ['an unknown category', nothing, { type: 'ticket.issue', ticketId: 'x', serviceId: 'payments', categoryId: 'vip' }, 'unknown-category'],
    ['after the cut-off', wait(6 * 60 + 45), { type: 'ticket.issue', ticketId: 'x', serviceId: 'payments' }, 'office-closed'],
    ['on a holiday', wait((37 * 24 - 1) * 60), { type: 'ticket.issue', ticketId: 'x', serviceId: 'payments' }, 'office-closed'],
  ]);

  it('makes a waiting ticket placed at the moment it is printed, stamped with time and kiosk', () => {
    const q = office();
    const kiosk = { kind: 'kiosk', deviceId: 'k1' } as const;
    const d = q.run({ type: 'ticket.issue', ticketId: 'x', serviceId: 'meters', accountNumber: '7701-123456' }, kiosk);
    expect(d).toEqual({
      ok: true,
      events: [
        {
          type: 'ticket.issued',
          at: TUESDAY_10_00,
          actor: kiosk,
          ticket: {
            id: 'x',
            number: 'C001',
            serviceId: 'meters',
            officeDay: '2026-11-24',
            kind: 'walk-in',
            accountNumber: '7701-123456',
            issuedAt: TUESDAY_10_00,
            queuedAt: TUESDAY_10_00,
            status: 'waiting',
            recalls: 0,
          },
        },
      ],
    });
  });

  it('restarts numbering at the office\'s local midnight, not at UTC midnight', () => {
    const q = queueDriver(testOffice((s) => (s.schedule.alwaysOpen = true)), Date.UTC(2026, 10, 24, 20, 58));
    expect(q.issue('payments').number).toBe('A001'); // 23:58 Moscow
    q.advance(MINUTE);
    expect(q.issue('payments').number).toBe('A002'); // 23:59
    q.advance(MINUTE);
    expect(q.issue('payments')).toMatchObject({ number: 'A001', officeDay: '2026-11-25' }); // 00:00, still 21:00 UTC on the 24th
    expect([...q.state.lastNumbers]).toEqual([['2026-11-25|payments', 1]]);
  });

  it('keeps counting a day across a restart from a snapshot, and restarts the next day', () => {
    const q = office();
    q.issue('payments');
    q.issue('meters');
    q.issue('payments');
    q.state = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(q.state))), testOffice());
    expect(q.issue('payments').number).toBe('A003');
    expect(q.issue('meters').number).toBe('C002');
    q.advance(24 * HOUR);
    q.state = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(q.state))), testOffice());
    expect(q.issue('meters').number).toBe('C001');
  });

  it('counts past 999 without repeating', () => {
    const q = queueDriver(testOffice((s) => (s.schedule.alwaysOpen = true)), TUESDAY_10_00);
    const numbers = Array.from({ length: 1001 }, () => q.issue('payments').number);
    expect(numbers.slice(-3)).toEqual(['A999', 'A1000', 'A1001']);
    expect(new Set(numbers).size).toBe(1001);
  });
});

describe('booking.create', () => {
  const create = (extra: Partial<Extract<QueueCommand, { type: 'booking.create' }>> = {}): QueueCommand => ({
    type: 'booking.create',
    bookingId: 'b-new',
    code: 'ZZ9999',
    serviceId: 'contracts',
    slotStart: TUESDAY_10_00 + HOUR,
    slotMinutes: 30,
    source: 'office',
    ...extra,
  });
  table([
    ['a slot later today', nothing, create(), 'ok'],
    ['a slot that has started but is not over', nothing, create({ slotStart: TUESDAY_10_00 - 29 * MINUTE }), 'ok'],
    ['a slot that ends right now', nothing, create({ slotStart: TUESDAY_10_00 - 30 * MINUTE }), 'booking-in-past'],
    ['an unknown service', nothing, create({ serviceId: 'gas' }), 'unknown-service'],
    ['the same code, another id', book('ZZ9999'), create(), 'booking-duplicate'],
    ['the same code in lower case', book('ZZ9999'), create({ code: ' zz9999 ' }), 'booking-duplicate'],
    ['the same id, another code', book('AB12CD'), create({ bookingId: 'b-AB12CD' }), 'booking-duplicate'],
    ['a code used by a booking already checked in', all(book('ZZ9999', 10), wait(5), (q) => void q.must({ type: 'booking.check-in', ticketId: 't', code: 'ZZ9999' })), create(), 'ok'],
    ['a slot of no length', nothing, create({ slotMinutes: 0 }), 'invalid-value'],
    ['an empty code', nothing, create({ code: '  ' }), 'invalid-value'],
    ['a phone with its consent', nothing, create({ customerPhone: '+79161234567', phoneConsentAt: TUESDAY_10_00 }), 'ok'],
    ['a phone without a recorded consent', nothing, create({ customerPhone: '+79161234567' }), 'invalid-value'],
  ]);

  it('keeps a phone with the time its consent was given', () => {
    const q = office();
    q.must(create({ customerPhone: '+79161234567', phoneConsentAt: TUESDAY_10_00 - MINUTE }));
    expect(q.state.bookings.get('b-new')).toMatchObject({ customerPhone: '+79161234567', phoneConsentAt: TUESDAY_10_00 - MINUTE });
  });

  it('keeps codes in upper case, as the kiosk compares them', () => {
    const q = office();
    q.must(create({ code: ' ab12cd ', customerName: 'Иванов И.' }));
    expect(q.state.bookings.get('b-new')).toMatchObject({ code: 'AB12CD', customerName: 'Иванов И.', source: 'office' });
  });
});

describe('booking.cancel', () => {
  table([
    ['a pending booking', book(), { type: 'booking.cancel', bookingId: 'b-AB12CD' }, 'ok'],
    ['an unknown booking', nothing, { type: 'booking.cancel', bookingId: 'b-x' }, 'booking-not-found'],
    ['a booking already checked in', all(book('AB12CD', 10), (q) => void q.must({ type: 'booking.check-in', ticketId: 't', code: 'AB12CD' })), { type: 'booking.cancel', bookingId: 'b-AB12CD' }, 'booking-not-found'],
  ]);
});

describe('booking.check-in (slot at 10:30, 15 min early … 10 min late)', () => {
  const checkIn = (code = 'AB12CD', acceptWalkIn?: boolean): QueueCommand => ({
    type: 'booking.check-in',
    ticketId: 'tb',
    code,
    ...(acceptWalkIn !== undefined && { acceptWalkIn }),
  });
  table([
    ['an unknown code', book(), checkIn('NOPE00'), 'booking-not-found'],
    ['the code typed in lower case with spaces', all(book(), wait(20)), checkIn(' ab12cd '), 'ok'],
    ['at 10:14', all(book(), wait(14)), checkIn(), 'booking-too-early'],
    ['at 10:15', all(book(), wait(15)), checkIn(), 'ok'],
    ['at 10:40', all(book(), wait(40)), checkIn(), 'ok'],
    ['at 10:41', all(book(), wait(41)), checkIn(), 'booking-too-late'],
    ['at 10:41, taking a plain ticket', all(book(), wait(41)), checkIn('AB12CD', true), 'ok'],
    ['when the office is not issuing', all(book('AB12CD', 7 * 60), wait(7 * 60)), checkIn(), 'office-closed'],
    ['for a service the office no longer offers', all(book(), wait(20), (q) => (q.state = { ...q.state, setup: testOffice((s) => (s.services = s.services.filter((x) => x.id !== 'contracts'))) })), checkIn(), 'unknown-service'],
  ]);

  it('names the earliest check-in time on the office clock', () => {
    const q = office();
    book()(q);
    const d = q.run(checkIn());
    expect(!d.ok && d.error.message).toContain('2026-11-24 10:15 (Europe/Moscow)');
  });

  it.each<[string, number, object]>([
    ['early: placed at the slot start', 20, { kind: 'booking', queuedAt: TUESDAY_10_00 + 30 * MINUTE, issuedAt: TUESDAY_10_00 + 20 * MINUTE }],
    ['on time: placed at check-in', 35, { kind: 'booking', queuedAt: TUESDAY_10_00 + 35 * MINUTE }],
  ])('makes a booking ticket, %s', (_label, minutes, expected) => {
    const q = office();
    book()(q);
    q.advance(minutes * MINUTE);
    const d = q.run(checkIn());
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['ticket.issued', 'booking.checked-in']);
    expect(d.ok && d.events[1]).toMatchObject({ bookingId: 'b-AB12CD', ticketId: 'tb', late: false });
    expect(q.state.tickets.get('tb')).toMatchObject({ ...expected, number: 'B001', serviceId: 'contracts', bookingId: 'b-AB12CD', bookingSlotStart: TUESDAY_10_00 + 30 * MINUTE });
    expect(q.state.bookings.has('b-AB12CD')).toBe(false);
  });

  it('shares the service numbering with walk-ins', () => {
    const q = office();
    book()(q);
    q.issue('contracts');
    q.advance(20 * MINUTE);
    q.must(checkIn());
    expect(q.state.tickets.get('tb')!.number).toBe('B002');
  });
});

describe('desk.open / pause / resume / close', () => {
  table([
    ['open: a paused desk', all(d1Open, pause()), { type: 'desk.open', deskId: 'd1', operatorId: 'op2' }, 'desk-already-open'],
    ['open: an operator whose desk is paused', all(d1Open, pause()), { type: 'desk.open', deskId: 'd2', operatorId: 'op1' }, 'operator-busy'],
    ['open: after closing, by anyone', all(d1Open, (q) => void q.must({ type: 'desk.close', deskId: 'd1' })), { type: 'desk.open', deskId: 'd1', operatorId: 'op2' }, 'ok'],
    ['open: at another desk after closing the first', all(d1Open, (q) => void q.must({ type: 'desk.close', deskId: 'd1' })), { type: 'desk.open', deskId: 'd2', operatorId: 'op1' }, 'ok'],
    ['pause: an unknown desk', nothing, { type: 'desk.pause', deskId: 'd9', reason: 'lunch' }, 'unknown-desk'],
    ['pause: a paused desk', all(d1Open, pause()), { type: 'desk.pause', deskId: 'd1', reason: 'lunch' }, 'desk-paused'],
    ['pause: while serving', serving, { type: 'desk.pause', deskId: 'd1', reason: 'lunch' }, 'desk-busy'],
    ['pause: with a visitor postponed (parked, not at the desk)', all(called, postpone()), { type: 'desk.pause', deskId: 'd1', reason: 'lunch' }, 'ok'],
    ['resume: an open desk', d1Open, { type: 'desk.resume', deskId: 'd1' }, 'desk-already-open'],
    ['resume: a closed desk', nothing, { type: 'desk.resume', deskId: 'd1' }, 'desk-closed'],
    ['resume: an unknown desk', nothing, { type: 'desk.resume', deskId: 'd9' }, 'unknown-desk'],
    ['close: a paused desk', all(d1Open, pause()), { type: 'desk.close', deskId: 'd1' }, 'ok'],
    ['close: with a visitor called', called, { type: 'desk.close', deskId: 'd1' }, 'desk-busy'],
    ['close: while serving', serving, { type: 'desk.close', deskId: 'd1' }, 'desk-busy'],
    ['close: an unknown desk', nothing, { type: 'desk.close', deskId: 'd9' }, 'unknown-desk'],
    ['close by force: with a visitor called', called, { type: 'desk.close', deskId: 'd1', force: true }, 'ok'],
    ['close by force: while serving', serving, { type: 'desk.close', deskId: 'd1', force: true }, 'ok'],
    ['close by force: a closed desk', nothing, { type: 'desk.close', deskId: 'd1', force: true }, 'desk-closed'],
  ]);

  it('follows the desk through its day', () => {
    const q = office();
    d1Open(q);
    expect(q.state.desks.get('d1')).toMatchObject({ status: 'open', operatorId: 'op1', statusSince: TUESDAY_10_00 });
    q.advance(HOUR);
    pause()(q);
    expect(q.state.desks.get('d1')).toMatchObject({ status: 'paused', pauseReason: 'break', statusSince: TUESDAY_10_00 + HOUR });
    q.must({ type: 'desk.resume', deskId: 'd1' });
    expect(q.state.desks.get('d1')!.pauseReason).toBeUndefined();
    issue('payments', 'svo')(q);
    callNext()(q);
    start()(q);
    finish()(q);
    expect(q.state.desks.get('d1')!.priorityCallsInRow).toBe(1);
    q.must({ type: 'desk.close', deskId: 'd1' });
    expect(q.state.desks.get('d1')).toEqual({
      deskId: 'd1',
      status: 'closed',
      statusSince: TUESDAY_10_00 + HOUR,
      priorityCallsInRow: 0,
      lastFinishedTicketId: 't1',
      lastFinishedRated: false,
    });
  });
});

describe('desk.close by force (the head, or a desk its operator left)', () => {
  it('sends the visitor being served back to their queue in their old place, ahead of later tickets', () => {
    const q = office();
    all(d1Open, issue(), wait(1), issue(), callNext(), start())(q);
    const before = q.state.tickets.get('t1')!;
    q.must({ type: 'desk.close', deskId: 'd1', force: true });
    expect(q.state.desks.get('d1')).toMatchObject({ status: 'closed' });
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
    const after = q.state.tickets.get('t1')!;
    expect(after).toMatchObject({ status: 'waiting', serviceId: 'payments', queuedAt: before.queuedAt });
    // The next desk to call payments calls t1 first: it kept its place.
    open('d3', 'op3')(q);
    callNext('d3')(q);
    expect(q.state.desks.get('d3')!.currentTicketId).toBe('t1');
  });
});

describe('ticket.call-next and ticket.call', () => {
  const call = (ticketId: string, deskId = 'd1'): QueueCommand => ({ type: 'ticket.call', deskId, ticketId });
  table([
    ['call-next: an unknown desk', issue(), { type: 'ticket.call-next', deskId: 'd9' }, 'unknown-desk'],
    ['call-next: only contracts waiting at d1', all(d1Open, issue('contracts')), { type: 'ticket.call-next', deskId: 'd1' }, 'nothing-waiting'],
    ['call: a waiting ticket of a served service', all(d1Open, issue(), issue()), call('t2'), 'ok'],
    ['call: an unknown ticket', d1Open, call('t9'), 'unknown-ticket'],
    ['call: a ticket called to another desk', all(open('d3', 'op3'), issue(), callNext('d3'), d1Open), call('t1'), 'ticket-not-waiting'],
    ['call: a ticket postponed elsewhere', all(open('d3', 'op3'), issue(), callNext('d3'), postpone('d3'), d1Open), call('t1'), 'ticket-not-waiting'],
    ['call: a service this desk does not serve', all(d1Open, issue('contracts')), call('t1'), 'desk-not-serving-service'],
    ['call: a ticket sent to this desk, of a service it does not serve', all(open('d2', 'op2'), issue('contracts'), callNext('d2'), (q) => void q.must({ type: 'ticket.transfer', deskId: 'd2', toDeskId: 'd1' }), d1Open), call('t1'), 'ok'],
    ['call: a ticket sent to another desk', all(d1Open, issue(), callNext(), (q) => void q.must({ type: 'ticket.transfer', deskId: 'd1', toDeskId: 'd3' })), call('t1'), 'desk-not-serving-service'],
    ['call: at a closed desk', issue(), call('t1'), 'desk-closed'],
    ['call: at a paused desk', all(d1Open, issue(), pause()), call('t1'), 'desk-paused'],
  ]);

  it('calls a chosen ticket with its reason, stamped with the operator', () => {
    const q = office();
    d1Open(q);
    issue()(q);
    issue()(q);
    const [event] = q.must(call('t2'), { kind: 'operator', operatorId: 'op1' });
    expect(event).toEqual({ type: 'ticket.called', ticketId: 't2', deskId: 'd1', operatorId: 'op1', reason: 'chosen-by-operator', at: TUESDAY_10_00, actor: { kind: 'operator', operatorId: 'op1' } });
    expect(q.state.tickets.get('t2')).toMatchObject({ status: 'called', deskId: 'd1', operatorId: 'op1', calledAt: TUESDAY_10_00 });
    expect(q.state.desks.get('d1')!.currentTicketId).toBe('t2');
  });
});

describe('the visitor at the desk: recall, start, finish, no-show', () => {
  const recall: QueueCommand = { type: 'ticket.recall', deskId: 'd1' };
  const startCmd: QueueCommand = { type: 'ticket.start', deskId: 'd1' };
  const finishCmd: QueueCommand = { type: 'ticket.finish', deskId: 'd1' };
  const noShow: QueueCommand = { type: 'ticket.no-show', deskId: 'd1' };
  table([
    ['recall: nobody at the desk', d1Open, recall, 'no-current-ticket'],
    ['recall: an unknown desk', nothing, { type: 'ticket.recall', deskId: 'd9' }, 'unknown-desk'],
    ['recall: a called visitor', called, recall, 'ok'],
    ['recall: a visitor in service', serving, recall, 'ticket-not-called'],
    ['start: nobody at the desk', d1Open, startCmd, 'no-current-ticket'],
    ['start: a called visitor', called, startCmd, 'ok'],
    ['start: twice', serving, startCmd, 'ticket-not-called'],
    ['finish: nobody at the desk', d1Open, finishCmd, 'no-current-ticket'],
    ['finish: a called visitor (not started)', called, finishCmd, 'ticket-not-serving'],
    ['finish: in service, no outcome', serving, finishCmd, 'ok'],
    ['finish: with an outcome of the service', serving, { type: 'ticket.finish', deskId: 'd1', outcomeId: 'paid' }, 'ok'],
    ['finish: with an outcome of another service', serving, { type: 'ticket.finish', deskId: 'd1', outcomeId: 'signed' }, 'unknown-outcome'],
    ['no-show: nobody at the desk', d1Open, noShow, 'no-current-ticket'],
    ['no-show: a called visitor', called, noShow, 'ok'],
    ['no-show: a visitor in service', serving, noShow, 'ticket-not-called'],
  ]);

  it('measures service from its start, and keeps the last 20 times per service', () => {
    const q = office();
    d1Open(q);
    for (let i = 0; i < 22; i += 1) {
      issue()(q);
      callNext()(q);
      q.advance(MINUTE);
      start()(q);
      q.advance((i + 1) * 1000);
      const [finished] = q.must({ type: 'ticket.finish', deskId: 'd1' });
      expect(finished).toMatchObject({ type: 'ticket.finished', serviceMs: (i + 1) * 1000, operatorId: 'op1' });
    }
    const samples = q.state.recentServiceMs.get('payments')!;
    expect(samples).toHaveLength(20);
    expect(samples[0]).toBe(3000);
    expect(samples.at(-1)).toBe(22_000);
    expect(q.state.tickets.size).toBe(0);
  });

  it('marks a no-show: the ticket leaves the queue and the desk is free', () => {
    const q = office();
    called(q);
    const [event] = q.must(noShow);
    expect(event).toMatchObject({ type: 'ticket.no-show', ticketId: 't1', deskId: 'd1', reason: 'operator' });
    expect(q.state.tickets.size).toBe(0);
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
  });
});

describe('ticket.transfer', () => {
  const transfer = (extra: Partial<Extract<QueueCommand, { type: 'ticket.transfer' }>>): QueueCommand => ({ type: 'ticket.transfer', deskId: 'd1', ...extra });
  table([
    ['to a service', called, transfer({ toServiceId: 'contracts' }), 'ok'],
    ['to a desk, while in service', serving, transfer({ toDeskId: 'd2' }), 'ok'],
    ['to nowhere', called, transfer({}), 'invalid-value'],
    ['to a service and a desk at once', called, transfer({ toServiceId: 'contracts', toDeskId: 'd2' }), 'invalid-value'],
    ['with nobody at the desk', d1Open, transfer({ toServiceId: 'contracts' }), 'no-current-ticket'],
    ['to an unknown service', called, transfer({ toServiceId: 'gas' }), 'unknown-service'],
    ['to an unknown desk', called, transfer({ toDeskId: 'd9' }), 'unknown-desk'],
  ]);

  it('sends the visitor back to waiting with the same paper number, and frees the desk', () => {
    const q = office();
    called(q);
    q.must({ type: 'ticket.recall', deskId: 'd1' });
    start()(q);
    q.advance(4 * MINUTE);
    const [event] = q.must(transfer({ toServiceId: 'contracts', comment: 'нужен договор' }));
    expect(event).toMatchObject({ type: 'ticket.transferred', ticketId: 't1', fromDeskId: 'd1', toServiceId: 'contracts', queuedAt: TUESDAY_10_00, comment: 'нужен договор' });
    const ticket = q.state.tickets.get('t1')!;
    expect(ticket).toMatchObject({ number: 'A001', serviceId: 'contracts', status: 'waiting', recalls: 0, queuedAt: TUESDAY_10_00, transferComment: 'нужен договор' });
    expect(ticket.deskId ?? ticket.operatorId ?? ticket.calledAt ?? ticket.servingStartedAt ?? ticket.targetDeskId).toBeUndefined();
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
  });

  it('to a service clears an earlier desk target', () => {
    const q = office();
    called(q);
    q.must(transfer({ toDeskId: 'd3' }));
    open('d3', 'op3')(q);
    callNext('d3')(q);
    q.must({ type: 'ticket.transfer', deskId: 'd3', toServiceId: 'meters' });
    expect(q.state.tickets.get('t1')).toMatchObject({ serviceId: 'meters', status: 'waiting' });
    expect(q.state.tickets.get('t1')!.targetDeskId).toBeUndefined();
    expect(result(q, { type: 'ticket.call-next', deskId: 'd1' })).toBe('ok');
  });
});

describe('ticket.postpone and ticket.take-back', () => {
  const takeBack = (deskId = 'd1', ticketId = 't1'): QueueCommand => ({ type: 'ticket.take-back', deskId, ticketId });
  table([
    ['postpone: a called visitor', called, { type: 'ticket.postpone', deskId: 'd1' }, 'ok'],
    ['postpone: a visitor in service', serving, { type: 'ticket.postpone', deskId: 'd1' }, 'ok'],
    ['postpone: nobody at the desk', d1Open, { type: 'ticket.postpone', deskId: 'd1' }, 'no-current-ticket'],
    ['take back: parked here', all(called, postpone()), takeBack(), 'ok'],
    ['take back: an unknown ticket', all(called, postpone()), takeBack('d1', 't9'), 'unknown-ticket'],
    ['take back: a waiting ticket', all(d1Open, issue()), takeBack(), 'ticket-not-postponed'],
    ['take back: parked at another desk', all(called, postpone(), open('d3', 'op3')), takeBack('d3'), 'ticket-not-postponed'],
    ['take back: while another visitor is at the desk', all(called, postpone(), issue(), callNext()), takeBack(), 'desk-busy'],
    ['take back: at a paused desk', all(called, postpone(), pause()), takeBack(), 'desk-paused'],
    ['take back: at a closed desk', all(called, postpone(), (q) => void q.must({ type: 'desk.close', deskId: 'd1' })), takeBack(), 'desk-closed'],
  ]);

  it('parks the visitor at the desk, frees it, and takes them back as called', () => {
    const q = office();
    serving(q);
    postpone()(q);
    expect(q.state.tickets.get('t1')).toMatchObject({ status: 'postponed', deskId: 'd1' });
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
    q.advance(5 * MINUTE);
    const [event] = q.must(takeBack());
    expect(event).toMatchObject({ type: 'ticket.called', reason: 'taken-back', ticketId: 't1', deskId: 'd1', operatorId: 'op1' });
    expect(q.state.tickets.get('t1')).toMatchObject({ status: 'called', calledAt: TUESDAY_10_00 + 5 * MINUTE });
  });

  it('returns visitors parked at a closing desk to their queue in their old place', () => {
    const q = office();
    serving(q);
    const firstQueuedAt = q.state.tickets.get('t1')!.queuedAt;
    postpone()(q);
    q.advance(2 * MINUTE);
    issue()(q);
    const events = q.must({ type: 'desk.close', deskId: 'd1' });
    expect(events.map((e) => e.type)).toEqual(['ticket.transferred', 'desk.closed']);
    expect(q.state.tickets.get('t1')).toMatchObject({ status: 'waiting', serviceId: 'payments', queuedAt: firstQueuedAt });
    expect(q.state.tickets.get('t1')!.deskId).toBeUndefined();
    // Any desk serving the service calls the parked visitor first: they came first.
    open('d3', 'op3')(q);
    expect(q.must({ type: 'ticket.call-next', deskId: 'd3' })[0]).toMatchObject({ ticketId: 't1' });
  });
});

describe('ticket.confirm-category', () => {
  const confirm = (documentSeen: boolean): QueueCommand => ({ type: 'ticket.confirm-category', deskId: 'd1', documentSeen });
  const calledPriority = all(d1Open, issue('payments', 'svo'), callNext());
  table([
    ['document seen', calledPriority, confirm(true), 'ok'],
    ['document not seen', calledPriority, confirm(false), 'ok'],
    ['in service', all(calledPriority, start()), confirm(true), 'ok'],
    ['a plain ticket', called, confirm(true), 'ticket-not-priority'],
    ['a second time after it was refused', all(calledPriority, (q) => void q.must(confirm(false))), confirm(true), 'ticket-not-priority'],
    ['nobody at the desk', d1Open, confirm(true), 'no-current-ticket'],
  ]);

  it('confirms: the ticket stays priority', () => {
    const q = office();
    calledPriority(q);
    q.must(confirm(true));
    expect(q.state.tickets.get('t1')).toMatchObject({ kind: 'priority', categoryId: 'svo', categoryCheck: 'confirmed' });
  });
});

describe('ticket.cancel', () => {
  const cancel = (ticketId = 't1'): QueueCommand => ({ type: 'ticket.cancel', ticketId, reason: 'left the office' });
  table([
    ['a waiting ticket', issue(), cancel(), 'ok'],
    ['a called ticket', called, cancel(), 'ok'],
    ['a ticket in service', serving, cancel(), 'ok'],
    ['a postponed ticket', all(called, postpone()), cancel(), 'ok'],
    ['an unknown ticket', nothing, cancel('t9'), 'unknown-ticket'],
    ['a ticket cancelled already', all(issue(), (q) => void q.must(cancel())), cancel(), 'unknown-ticket'],
  ]);

  it('frees the desk that held it', () => {
    const q = office();
    serving(q);
    const [event] = q.must(cancel());
    expect(event).toMatchObject({ type: 'ticket.cancelled', ticketId: 't1', reason: 'left the office' });
    expect(q.state.tickets.size).toBe(0);
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
    expect(result(q, { type: 'desk.close', deskId: 'd1' })).toBe('ok');
  });
});

describe('ticket.rate', () => {
  const rate = (value: number, ticketId = 't1', deskId = 'd1'): QueueCommand => ({ type: 'ticket.rate', deskId, ticketId, value });
  const finished = all(serving, finish());
  table([
    ['1', finished, rate(1), 'ok'],
    ['5', finished, rate(5), 'ok'],
    ['0', finished, rate(0), 'invalid-value'],
    ['6', finished, rate(6), 'invalid-value'],
    ['2.5', finished, rate(2.5), 'invalid-value'],
    ['NaN', finished, rate(Number.NaN), 'invalid-value'],
    ['at an unknown desk', finished, rate(5, 't1', 'd9'), 'unknown-desk'],
    ['at another desk', all(finished, open('d3', 'op3')), rate(5, 't1', 'd3'), 'rating-not-expected'],
    ['twice', all(finished, (q) => void q.must(rate(4))), rate(5), 'rating-not-expected'],
    ['the visitor before the last one', all(finished, issue(), callNext(), start(), finish()), rate(5), 'rating-not-expected'],
    ['the last visitor after the desk closed', all(finished, (q) => void q.must({ type: 'desk.close', deskId: 'd1' })), rate(5), 'ok'],
  ]);

  it('marks the desk rated', () => {
    const q = office();
    finished(q);
    q.must(rate(4));
    expect(q.state.desks.get('d1')).toMatchObject({ lastFinishedTicketId: 't1', lastFinishedRated: true });
  });
});

describe('day.close-earlier', () => {
  it('cancels yesterday\'s tickets, frees their desks, drops bookings whose slot ended before today', () => {
    const q = office();
    d1Open(q);
    issue()(q); // t1, waiting
    issue()(q); // t2, called below
    q.must({ type: 'ticket.call', deskId: 'd1', ticketId: 't2' });
    book('OLD001', 60, 'payments')(q); // 11:00 today, will be over tomorrow
    book('NEW001', 24 * 60, 'payments')(q); // tomorrow 10:00
    q.advance(22 * HOUR); // Wednesday 08:00
    const events = q.must({ type: 'day.close-earlier' });
    expect(events).toEqual<QueueEvent[]>([
      {
        type: 'day.earlier-closed',
        officeDay: '2026-11-25',
        cancelledTicketIds: ['t1', 't2'],
        expiredBookingIds: ['b-OLD001'],
        at: TUESDAY_10_00 + 22 * HOUR,
        actor: { kind: 'system' },
      },
    ]);
    expect(q.state.tickets.size).toBe(0);
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
    expect([...q.state.bookings.keys()]).toEqual(['b-NEW001']);
    expect(q.run({ type: 'day.close-earlier' })).toEqual({ ok: true, events: [] });
  });

  it('leaves today alone', () => {
    const q = office();
    issue()(q);
    book()(q);
    expect(q.run({ type: 'day.close-earlier' })).toEqual({ ok: true, events: [] });
  });
});

describe('a full ticket life, as events', () => {
  it('kiosk → call → recall → start → transfer → call at the new desk → finish → rating', () => {
    const q = office();
    const op = (operatorId: string) => ({ kind: 'operator', operatorId }) as const;
    const kiosk = { kind: 'kiosk', deviceId: 'k1' } as const;
    const log: string[] = [];
    const run = (command: QueueCommand, by: Parameters<QueueDriver['must']>[1]) => {
      for (const e of q.must(command, by)) log.push(e.type + ('reason' in e ? ` (${e.reason})` : ''));
    };
    run({ type: 'desk.open', deskId: 'd1', operatorId: 'op1' }, op('op1'));
    run({ type: 'desk.open', deskId: 'd2', operatorId: 'op2' }, op('op2'));
    run({ type: 'ticket.issue', ticketId: 'v', serviceId: 'payments', categoryId: 'disabled' }, kiosk);
    q.advance(MINUTE);
    run({ type: 'ticket.call-next', deskId: 'd1' }, op('op1'));
    q.advance(MINUTE);
    run({ type: 'ticket.recall', deskId: 'd1' }, op('op1'));
    q.advance(MINUTE);
    run({ type: 'ticket.start', deskId: 'd1' }, op('op1'));
    run({ type: 'ticket.confirm-category', deskId: 'd1', documentSeen: true }, op('op1'));
    q.advance(3 * MINUTE);
    run({ type: 'ticket.transfer', deskId: 'd1', toServiceId: 'contracts', comment: 'переоформление' }, op('op1'));
    run({ type: 'ticket.call-next', deskId: 'd2' }, op('op2'));
    run({ type: 'ticket.start', deskId: 'd2' }, op('op2'));
    q.advance(12 * MINUTE);
    run({ type: 'ticket.finish', deskId: 'd2' }, op('op2'));
    run({ type: 'ticket.rate', deskId: 'd2', ticketId: 'v', value: 5 }, { kind: 'device', deviceId: 'button-2' });
    expect(log).toEqual([
      'desk.opened',
      'desk.opened',
      'ticket.issued',
      'ticket.called (priority)',
      'ticket.recalled',
      'ticket.serving-started',
      'ticket.category-checked',
      'ticket.transferred',
      'ticket.called (priority)',
      'ticket.serving-started',
      'ticket.finished',
      'ticket.rated',
    ]);
    expect(q.state.tickets.size).toBe(0);
    expect(q.state.recentServiceMs.get('contracts')).toEqual([12 * MINUTE]);
    expect(q.state.desks.get('d1')).toMatchObject({ priorityCallsInRow: 1, lastFinishedRated: false });
    expect(q.state.desks.get('d1')!.lastFinishedTicketId).toBeUndefined();
    expect(q.state.desks.get('d2')).toMatchObject({ priorityCallsInRow: 1, lastFinishedTicketId: 'v', lastFinishedRated: true });
  });
});
