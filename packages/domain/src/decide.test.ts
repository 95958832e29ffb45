import { describe, expect, it } from 'vitest';
import { apply, applyAll } from './apply.js';
import type { QueueCommand } from './commands.js';
import { decide } from './decide.js';
import { fromSnapshot, toSnapshot } from './snapshot.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver, type QueueDriver } from './testing/queue-driver.js';

const office = () => {
  const q = queueDriver(testOffice(), TUESDAY_10_00);
  return q;
};
const openDesk = (q: QueueDriver, deskId = 'd1', operatorId = 'op1') => q.must({ type: 'desk.open', deskId, operatorId });
const code = (q: QueueDriver, command: QueueCommand) => {
  const d = q.run(command);
  return d.ok ? 'ok' : d.error.code;
};

describe('issuing tickets', () => {
  it('numbers each service on its own, A001 A002 and B001', () => {
    const q = office();
    expect([q.issue('payments'), q.issue('payments'), q.issue('contracts')].map((t) => t.number)).toEqual(['A001', 'A002', 'B001']);
  });

  it('starts again at 1 on the next office day, never repeating within a day', () => {
    const q = office();
    q.issue('payments');
    q.issue('payments');
    q.advance(24 * 60 * MINUTE);
    expect(q.issue('payments').number).toBe('A001');
    expect(q.issue('payments').number).toBe('A002');
    expect([...q.state.lastNumbers.keys()]).toEqual(['2026-11-25|payments']);
  });

  it('keeps numbering across a snapshot round trip (a server restart)', () => {
    const q = office();
    q.issue('payments');
    q.issue('payments');
    q.state = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(q.state))), q.state.setup);
    expect(q.issue('payments').number).toBe('A003');
  });

  it.each<[string, Partial<Extract<QueueCommand, { type: 'ticket.issue' }>>, number, string]>([
    ['a walk-in in opening hours', {}, 0, 'ok'],
    ['a priority category', { categoryId: 'svo' }, 0, 'ok'],
    ['an unknown service', { serviceId: 'haircut' }, 0, 'unknown-service'],
    ['an unknown category', { categoryId: 'vip' }, 0, 'unknown-category'],
    ['at 16:44, just before the cut-off 15 min before closing', {}, 6 * 60 + 44, 'ok'],
    ['at 16:45, the cut-off', {}, 6 * 60 + 45, 'office-closed'],
    ['at 07:59, before opening', {}, -121, 'office-closed'],
    ['on Sunday', {}, 5 * 24 * 60, 'office-closed'],
  ])('%s', (_label, extra, minutesFromTen, expected) => {
    const q = office();
    q.advance(minutesFromTen * MINUTE);
    expect(code(q, { type: 'ticket.issue', ticketId: 'x', serviceId: 'payments', ...extra })).toBe(expected);
  });

  it('marks a priority ticket pending until the desk sees the document', () => {
    const q = office();
    expect(q.issue('payments', { categoryId: 'disabled', accountNumber: '1234-5678' })).toMatchObject({
      kind: 'priority',
      categoryId: 'disabled',
      categoryCheck: 'pending',
      accountNumber: '1234-5678',
    });
  });

  it('issues around the clock in an always-open office', () => {
    const q = queueDriver(testOffice((s) => (s.schedule.alwaysOpen = true)), TUESDAY_10_00 + 5 * 24 * 60 * MINUTE);
    expect(q.issue('payments').number).toBe('A001');
  });
});

describe('desks', () => {
  it.each<[string, (q: QueueDriver) => void, QueueCommand, string]>([
    ['open a closed desk', () => {}, { type: 'desk.open', deskId: 'd1', operatorId: 'op1' }, 'ok'],
    ['open an unknown desk', () => {}, { type: 'desk.open', deskId: 'd9', operatorId: 'op1' }, 'unknown-desk'],
    ['open for an unknown operator', () => {}, { type: 'desk.open', deskId: 'd1', operatorId: 'x' }, 'unknown-operator'],
    ['open a desk someone has open', (q) => openDesk(q, 'd1', 'op2'), { type: 'desk.open', deskId: 'd1', operatorId: 'op1' }, 'desk-already-open'],
    ['open a second desk', (q) => openDesk(q, 'd2', 'op1'), { type: 'desk.open', deskId: 'd1', operatorId: 'op1' }, 'operator-busy'],
    ['pause an open desk', (q) => openDesk(q), { type: 'desk.pause', deskId: 'd1', reason: 'lunch' }, 'ok'],
    ['pause a closed desk', () => {}, { type: 'desk.pause', deskId: 'd1', reason: 'lunch' }, 'desk-closed'],
    ['pause with a visitor called', (q) => { openDesk(q); q.issue('payments'); q.must({ type: 'ticket.call-next', deskId: 'd1' }); }, { type: 'desk.pause', deskId: 'd1', reason: 'break' }, 'desk-busy'],
    ['resume a paused desk', (q) => { openDesk(q); q.must({ type: 'desk.pause', deskId: 'd1', reason: 'paperwork' }); }, { type: 'desk.resume', deskId: 'd1' }, 'ok'],
    ['close an open desk', (q) => openDesk(q), { type: 'desk.close', deskId: 'd1' }, 'ok'],
    ['close a closed desk', () => {}, { type: 'desk.close', deskId: 'd1' }, 'desk-closed'],
    ['call at a closed desk', (q) => q.issue('payments'), { type: 'ticket.call-next', deskId: 'd1' }, 'desk-closed'],
    ['call at a paused desk', (q) => { openDesk(q); q.issue('payments'); q.must({ type: 'desk.pause', deskId: 'd1', reason: 'lunch' }); }, { type: 'ticket.call-next', deskId: 'd1' }, 'desk-paused'],
    ['call with nobody waiting', (q) => openDesk(q), { type: 'ticket.call-next', deskId: 'd1' }, 'nothing-waiting'],
    ['call while a visitor is at the desk', (q) => { openDesk(q); q.issue('payments'); q.issue('payments'); q.must({ type: 'ticket.call-next', deskId: 'd1' }); }, { type: 'ticket.call-next', deskId: 'd1' }, 'desk-busy'],
  ])('%s', (_label, setup, command, expected) => {
    const q = office();
    setup(q);
    expect(code(q, command)).toBe(expected);
  });
});

describe('a visitor at the desk', () => {
  const atDesk = (serviceId = 'payments', extra = {}) => {
    const q = office();
    openDesk(q);
    const ticket = q.issue(serviceId, extra);
    q.must({ type: 'ticket.call-next', deskId: 'd1' });
    return { q, ticket };
  };

  it('goes from called to serving to done, and the service time feeds the estimate', () => {
    const { q, ticket } = atDesk();
    expect(q.state.tickets.get(ticket.id)).toMatchObject({ status: 'called', deskId: 'd1', operatorId: 'op1' });
    q.advance(MINUTE);
    q.must({ type: 'ticket.start', deskId: 'd1' });
    q.advance(7 * MINUTE);
    const [finished] = q.must({ type: 'ticket.finish', deskId: 'd1', outcomeId: 'paid' });
    expect(finished).toMatchObject({ type: 'ticket.finished', serviceMs: 7 * MINUTE, outcomeId: 'paid', operatorId: 'op1' });
    expect(q.state.tickets.has(ticket.id)).toBe(false);
    expect(q.state.desks.get('d1')).toMatchObject({ lastFinishedTicketId: ticket.id, lastFinishedRated: false });
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
    expect(q.state.recentServiceMs.get('payments')).toEqual([7 * MINUTE]);
  });

  it.each<[string, QueueCommand[], QueueCommand, string]>([
    ['finish a called ticket', [], { type: 'ticket.finish', deskId: 'd1' }, 'ticket-not-serving'],
    ['start twice', [{ type: 'ticket.start', deskId: 'd1' }], { type: 'ticket.start', deskId: 'd1' }, 'ticket-not-called'],
    ['an outcome the service lacks', [{ type: 'ticket.start', deskId: 'd1' }], { type: 'ticket.finish', deskId: 'd1', outcomeId: 'signed' }, 'unknown-outcome'],
    ['no-show after service started', [{ type: 'ticket.start', deskId: 'd1' }], { type: 'ticket.no-show', deskId: 'd1' }, 'ticket-not-called'],
    ['recall a served visitor', [{ type: 'ticket.start', deskId: 'd1' }], { type: 'ticket.recall', deskId: 'd1' }, 'ticket-not-called'],
    ['transfer to a service and a desk at once', [], { type: 'ticket.transfer', deskId: 'd1', toServiceId: 'contracts', toDeskId: 'd2' }, 'invalid-value'],
    ['transfer to an unknown service', [], { type: 'ticket.transfer', deskId: 'd1', toServiceId: 'haircut' }, 'unknown-service'],
    ['transfer to an unknown desk', [], { type: 'ticket.transfer', deskId: 'd1', toDeskId: 'd9' }, 'unknown-desk'],
    ['confirm a category on a plain ticket', [], { type: 'ticket.confirm-category', deskId: 'd1', documentSeen: true }, 'ticket-not-priority'],
    ['rate before finishing', [], { type: 'ticket.rate', deskId: 'd1', ticketId: 't1', value: 5 }, 'rating-not-expected'],
    ['take back a ticket that is not parked', [], { type: 'ticket.take-back', deskId: 'd1', ticketId: 't1' }, 'desk-busy'],
    ['cancel an unknown ticket', [], { type: 'ticket.cancel', ticketId: 'nope', reason: 'x' }, 'unknown-ticket'],
    ['call a given ticket at a busy desk', [], { type: 'ticket.call', deskId: 'd1', ticketId: 't1' }, 'desk-busy'],
  ])('refuses to %s', (_label, before, command, expected) => {
    const { q } = atDesk();
    before.forEach((c) => q.must(c));
    expect(code(q, command)).toBe(expected);
  });

  it('turns the recall after the limit (2) into a no-show', () => {
    const { q, ticket } = atDesk();
    expect(q.must({ type: 'ticket.recall', deskId: 'd1' })[0]).toMatchObject({ type: 'ticket.recalled', recalls: 1 });
    expect(q.must({ type: 'ticket.recall', deskId: 'd1' })[0]).toMatchObject({ type: 'ticket.recalled', recalls: 2 });
    expect(q.must({ type: 'ticket.recall', deskId: 'd1' })[0]).toMatchObject({ type: 'ticket.no-show', reason: 'recall-limit' });
    expect(q.state.tickets.has(ticket.id)).toBe(false);
    expect(q.state.desks.get('d1')!.currentTicketId).toBeUndefined();
  });

  it('transfers to another service keeping the paper number and the place', () => {
    const { q, ticket } = atDesk();
    q.advance(5 * MINUTE);
    q.must({ type: 'ticket.transfer', deskId: 'd1', toServiceId: 'contracts', comment: 'договор' });
    expect(q.state.tickets.get(ticket.id)).toMatchObject({
      number: 'A001',
      serviceId: 'contracts',
      status: 'waiting',
      queuedAt: ticket.queuedAt,
      transferComment: 'договор',
      recalls: 0,
    });
    expect(q.state.tickets.get(ticket.id)!.deskId).toBeUndefined();
  });

  it('transfers to a desk, where only that desk may call it, at the back if told so', () => {
    const { q, ticket } = atDesk();
    q.advance(3 * MINUTE);
    q.must({ type: 'ticket.transfer', deskId: 'd1', toDeskId: 'd3', keepPlace: false });
    expect(q.state.tickets.get(ticket.id)).toMatchObject({ targetDeskId: 'd3', queuedAt: q.now, serviceId: 'payments' });
    expect(code(q, { type: 'ticket.call-next', deskId: 'd1' })).toBe('nothing-waiting');
    expect(code(q, { type: 'ticket.call', deskId: 'd1', ticketId: ticket.id })).toBe('desk-not-serving-service');
    openDesk(q, 'd3', 'op3');
    expect(q.must({ type: 'ticket.call-next', deskId: 'd3' })[0]).toMatchObject({ reason: 'transferred-to-desk' });
    expect(q.state.tickets.get(ticket.id)!.targetDeskId).toBeUndefined();
  });

  it('postpones a visitor and takes them back at the same desk only', () => {
    const { q, ticket } = atDesk();
    q.must({ type: 'ticket.postpone', deskId: 'd1' });
    expect(q.state.tickets.get(ticket.id)).toMatchObject({ status: 'postponed', deskId: 'd1' });
    expect(code(q, { type: 'ticket.call-next', deskId: 'd1' })).toBe('nothing-waiting');
    openDesk(q, 'd3', 'op3');
    expect(code(q, { type: 'ticket.take-back', deskId: 'd3', ticketId: ticket.id })).toBe('ticket-not-postponed');
    expect(q.must({ type: 'ticket.take-back', deskId: 'd1', ticketId: ticket.id })[0]).toMatchObject({ reason: 'taken-back' });
    expect(q.state.tickets.get(ticket.id)!.status).toBe('called');
  });

  it('records whether the priority document was seen; without it the ticket is plain', () => {
    const { q, ticket } = atDesk('payments', { categoryId: 'disabled' });
    const [checked] = q.must({ type: 'ticket.confirm-category', deskId: 'd1', documentSeen: false }, { kind: 'operator', operatorId: 'op1' });
    expect(checked).toMatchObject({ type: 'ticket.category-checked', documentSeen: false, actor: { kind: 'operator', operatorId: 'op1' }, at: q.now });
    expect(q.state.tickets.get(ticket.id)).toMatchObject({ kind: 'walk-in', categoryCheck: 'rejected', categoryId: 'disabled' });
  });

  it('takes one rating, 1 to 5, for the visitor just served', () => {
    const { q, ticket } = atDesk();
    q.must({ type: 'ticket.start', deskId: 'd1' });
    q.must({ type: 'ticket.finish', deskId: 'd1' });
    expect(code(q, { type: 'ticket.rate', deskId: 'd1', ticketId: ticket.id, value: 6 })).toBe('invalid-value');
    expect(code(q, { type: 'ticket.rate', deskId: 'd1', ticketId: 'other', value: 5 })).toBe('rating-not-expected');
    expect(code(q, { type: 'ticket.rate', deskId: 'd1', ticketId: ticket.id, value: 4 })).toBe('ok');
    expect(code(q, { type: 'ticket.rate', deskId: 'd1', ticketId: ticket.id, value: 5 })).toBe('rating-not-expected');
  });

  it('counts priority calls in a row and resets on a plain one', () => {
    const q = office();
    openDesk(q);
    q.issue('payments', { categoryId: 'svo' });
    q.issue('payments');
    const cycle = () => {
      q.must({ type: 'ticket.call-next', deskId: 'd1' });
      q.must({ type: 'ticket.start', deskId: 'd1' });
      q.must({ type: 'ticket.finish', deskId: 'd1' });
      return q.state.desks.get('d1')!.priorityCallsInRow;
    };
    expect(cycle()).toBe(1);
    expect(cycle()).toBe(0);
  });
});

describe('bookings', () => {
  const SLOT = TUESDAY_10_00 + 30 * MINUTE;
  const booked = () => {
    const q = office();
    q.must({ type: 'booking.create', bookingId: 'b1', code: '123456', serviceId: 'contracts', slotStart: SLOT, slotMinutes: 30, source: 'central' });
    return q;
  };
  const checkIn = (q: QueueDriver, extra = {}) => code(q, { type: 'booking.check-in', ticketId: q.newId(), code: '123456', ...extra });

  it.each<[string, number, object, string]>([
    ['16 minutes early', 14, {}, 'booking-too-early'],
    ['15 minutes early', 15, {}, 'ok'],
    ['on time', 30, {}, 'ok'],
    ['10 minutes late (the grace)', 40, {}, 'ok'],
    ['11 minutes late', 41, {}, 'booking-too-late'],
    ['11 minutes late, taking a plain ticket', 41, { acceptWalkIn: true }, 'ok'],
  ])('checking in %s', (_label, minutesFromTen, extra, expected) => {
    const q = booked();
    q.advance(minutesFromTen * MINUTE);
    expect(checkIn(q, extra)).toBe(expected);
  });

  it('queues an early visitor from the slot time, due from then', () => {
    const q = booked();
    q.advance(20 * MINUTE);
    const d = q.run({ type: 'booking.check-in', ticketId: 'tb', code: '123456' });
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['ticket.issued', 'booking.checked-in']);
    expect(q.state.tickets.get('tb')).toMatchObject({ kind: 'booking', bookingId: 'b1', bookingSlotStart: SLOT, queuedAt: SLOT, number: 'B001' });
    expect(q.state.bookings.size).toBe(0);
    expect(checkIn(q)).toBe('booking-not-found');
  });

  it('makes a late visitor who accepts a walk-in', () => {
    const q = booked();
    q.advance(50 * MINUTE);
    const d = q.run({ type: 'booking.check-in', ticketId: 'tl', code: '123456', acceptWalkIn: true });
    expect(d.ok && d.events[0]).toMatchObject({ type: 'ticket.issued', lateBookingId: 'b1' });
    expect(d.ok && d.events[1]).toMatchObject({ type: 'booking.checked-in', late: true });
    expect(q.state.tickets.get('tl')).toMatchObject({ kind: 'walk-in', queuedAt: q.now });
  });

  it.each<[string, QueueCommand, string]>([
    ['a duplicate code', { type: 'booking.create', bookingId: 'b2', code: '123456', serviceId: 'contracts', slotStart: SLOT, slotMinutes: 30, source: 'office' }, 'booking-duplicate'],
    ['a slot in the past', { type: 'booking.create', bookingId: 'b2', code: '654321', serviceId: 'contracts', slotStart: TUESDAY_10_00 - 60 * MINUTE, slotMinutes: 30, source: 'office' }, 'booking-in-past'],
    ['an unknown service', { type: 'booking.create', bookingId: 'b2', code: '654321', serviceId: 'haircut', slotStart: SLOT, slotMinutes: 30, source: 'office' }, 'unknown-service'],
    ['cancel an unknown booking', { type: 'booking.cancel', bookingId: 'b9' }, 'booking-not-found'],
    ['cancel a booking', { type: 'booking.cancel', bookingId: 'b1' }, 'ok'],
  ])('%s', (_label, command, expected) => {
    expect(code(booked(), command)).toBe(expected);
  });

  it('does not let a cancelled booking check in', () => {
    const q = booked();
    q.must({ type: 'booking.cancel', bookingId: 'b1' });
    q.advance(30 * MINUTE);
    expect(checkIn(q)).toBe('booking-not-found');
  });
});

describe('closing earlier days', () => {
  it('cancels tickets left from yesterday and drops bookings whose day is over', () => {
    const q = office();
    q.issue('payments');
    q.must({ type: 'booking.create', bookingId: 'b1', code: '111111', serviceId: 'payments', slotStart: TUESDAY_10_00 + 60 * MINUTE, slotMinutes: 15, source: 'office' });
    q.advance(24 * 60 * MINUTE);
    const today = q.issue('payments');
    const [closed] = q.must({ type: 'day.close-earlier' });
    expect(closed).toMatchObject({ type: 'day.earlier-closed', officeDay: '2026-11-25', expiredBookingIds: ['b1'] });
    expect([...q.state.tickets.keys()]).toEqual([today.id]);
    expect(q.run({ type: 'day.close-earlier' })).toEqual({ ok: true, events: [] });
  });
});

describe('the engine as a whole', () => {
  it('never changes the state it is given', () => {
    const q = office();
    openDesk(q);
    q.issue('payments');
    const before = q.state;
    const frozen = JSON.stringify(toSnapshot(before));
    const decision = decide(before, { command: { type: 'ticket.call-next', deskId: 'd1' }, actor: { kind: 'system' }, now: q.now });
    expect(decision.ok).toBe(true);
    if (decision.ok) applyAll(before, decision.events);
    expect(JSON.stringify(toSnapshot(before))).toBe(frozen);
  });

  it('survives a long seeded random stream: never throws, every accepted event applies, replay equals live', () => {
    let seed = 20261122;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pickOne = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const q = queueDriver(testOffice((s) => (s.schedule.alwaysOpen = true)), TUESDAY_10_00);
    const start = q.state;
    const log = [];
    const desks = ['d1', 'd2', 'd3', 'd9'];
    for (let i = 0; i < 5000; i += 1) {
      q.advance(Math.floor(random() * 3 * MINUTE));
      const deskId = pickOne(desks);
      const ticketIds = [...q.state.tickets.keys(), 'ghost'];
      const command = pickOne<QueueCommand>([
        { type: 'ticket.issue', ticketId: q.newId(), serviceId: pickOne(['payments', 'contracts', 'meters', 'nope']) },
        { type: 'ticket.issue', ticketId: q.newId(), serviceId: 'payments', categoryId: pickOne(['disabled', 'svo']) },
        { type: 'desk.open', deskId, operatorId: pickOne(['op1', 'op2', 'op3']) },
        { type: 'desk.pause', deskId, reason: 'break' },
        { type: 'desk.resume', deskId },
        { type: 'desk.close', deskId },
        { type: 'ticket.call-next', deskId },
        { type: 'ticket.call-next', deskId },
        { type: 'ticket.call', deskId, ticketId: pickOne(ticketIds) },
        { type: 'ticket.recall', deskId },
        { type: 'ticket.start', deskId },
        { type: 'ticket.finish', deskId },
        { type: 'ticket.finish', deskId },
        { type: 'ticket.no-show', deskId },
        { type: 'ticket.transfer', deskId, toServiceId: pickOne(['payments', 'contracts', 'meters']) },
        { type: 'ticket.transfer', deskId, toDeskId: pickOne(desks) },
        { type: 'ticket.postpone', deskId },
        { type: 'ticket.take-back', deskId, ticketId: pickOne(ticketIds) },
        { type: 'ticket.confirm-category', deskId, documentSeen: random() < 0.5 },
        { type: 'ticket.cancel', ticketId: pickOne(ticketIds), reason: 'left' },
        { type: 'ticket.rate', deskId, ticketId: q.state.desks.get(deskId)?.lastFinishedTicketId ?? 'x', value: pickOne([0, 1, 3, 5]) },
        { type: 'booking.create', bookingId: q.newId('b'), code: String(100000 + i), serviceId: 'contracts', slotStart: q.now + 10 * MINUTE, slotMinutes: 20, source: 'office' },
        { type: 'booking.check-in', ticketId: q.newId(), code: pickOne([...[...q.state.bookings.values()].map((b) => b.code), '000000']), acceptWalkIn: random() < 0.5 },
        { type: 'day.close-earlier' },
      ]);
      const decision = q.run(command);
      if (decision.ok) log.push(...decision.events);
      // Invariants: a desk's current ticket is called or served at that desk; numbers are unique.
      for (const desk of q.state.desks.values()) {
        if (!desk.currentTicketId) continue;
        const ticket = q.state.tickets.get(desk.currentTicketId);
        expect(ticket && ['called', 'serving'].includes(ticket.status) && ticket.deskId === desk.deskId).toBe(true);
      }
    }
    expect(log.length).toBeGreaterThan(1000);
    const replayed = log.reduce(apply, start);
    expect(toSnapshot(replayed)).toEqual(toSnapshot(q.state));
  });
});
