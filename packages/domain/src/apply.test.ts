import { describe, expect, it } from 'vitest';
import { apply, applyAll } from './apply.js';
import type { QueueCommand } from './commands.js';
import { createQueueState } from './create-queue-state.js';
import type { QueueEvent, QueueEventType } from './events.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import { queueDriver } from './testing/queue-driver.js';
import type { Ticket } from './ticket.js';

const ALL_EVENT_TYPES: QueueEventType[] = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.serving-started',
  'ticket.finished',
  'ticket.no-show',
  'ticket.transferred',
  'ticket.postponed',
  'ticket.category-checked',
  'ticket.cancelled',
  'ticket.rated',
  'booking.created',
  'booking.checked-in',
  'booking.cancelled',
  'desk.opened',
  'desk.paused',
  'desk.resumed',
  'desk.closed',
  'day.earlier-closed',
];

/** A day at the office that produces every kind of event, each with the state it applied to. */
function everyEvent(): { before: QueueState; event: QueueEvent }[] {
  const q = queueDriver(testOffice(), TUESDAY_10_00);
  const seen: { before: QueueState; event: QueueEvent }[] = [];
  const run = (command: QueueCommand) => {
    let state = q.state;
    for (const event of q.must(command)) {
      seen.push({ before: state, event });
      state = apply(state, event);
    }
  };
  const slot = TUESDAY_10_00 + 10 * MINUTE;
  run({ type: 'booking.create', bookingId: 'b1', code: 'C1', serviceId: 'payments', slotStart: slot, slotMinutes: 20, source: 'central' });
  run({ type: 'booking.create', bookingId: 'b2', code: 'C2', serviceId: 'payments', slotStart: slot, slotMinutes: 20, source: 'central' });
  run({ type: 'booking.cancel', bookingId: 'b2' });
  run({ type: 'desk.open', deskId: 'd1', operatorId: 'op1' });
  run({ type: 'desk.open', deskId: 'd3', operatorId: 'op3' });
  run({ type: 'ticket.issue', ticketId: 'p', serviceId: 'payments', categoryId: 'disabled' });
  run({ type: 'ticket.issue', ticketId: 'w', serviceId: 'payments' });
  run({ type: 'ticket.issue', ticketId: 'x', serviceId: 'meters' });
  run({ type: 'booking.check-in', ticketId: 'b', code: 'C1' });
  run({ type: 'ticket.call-next', deskId: 'd1' }); // p
  run({ type: 'ticket.recall', deskId: 'd1' });
  run({ type: 'ticket.start', deskId: 'd1' });
  run({ type: 'ticket.confirm-category', deskId: 'd1', documentSeen: false });
  q.advance(5 * MINUTE);
  run({ type: 'ticket.finish', deskId: 'd1', outcomeId: 'paid' });
  run({ type: 'ticket.rate', deskId: 'd1', ticketId: 'p', value: 5 });
  run({ type: 'ticket.call-next', deskId: 'd3' }); // w
  run({ type: 'ticket.transfer', deskId: 'd3', toDeskId: 'd1' });
  run({ type: 'ticket.call-next', deskId: 'd1' }); // w, sent here
  run({ type: 'ticket.postpone', deskId: 'd1' });
  run({ type: 'ticket.call', deskId: 'd1', ticketId: 'x' });
  run({ type: 'ticket.no-show', deskId: 'd1' });
  run({ type: 'ticket.take-back', deskId: 'd1', ticketId: 'w' });
  run({ type: 'ticket.cancel', ticketId: 'w', reason: 'left' });
  run({ type: 'desk.pause', deskId: 'd1', reason: 'lunch' });
  run({ type: 'desk.resume', deskId: 'd1' });
  run({ type: 'desk.close', deskId: 'd3' });
  q.advance(24 * 60 * MINUTE);
  run({ type: 'day.close-earlier' });
  return seen;
}

function clone(state: QueueState): QueueState {
  return structuredClone(state);
}

describe('apply never changes the state it is given', () => {
  const pairs = everyEvent();

  it('the scenario covers every event type', () => {
    expect(new Set(pairs.map((p) => p.event.type))).toEqual(new Set(ALL_EVENT_TYPES));
  });

  it.each(pairs.map((p, i) => [`${i + 1}. ${p.event.type}`, p] as const))('%s', (_label, { before, event }) => {
    const copy = clone(before);
    const after = apply(before, event);
    expect(before).toEqual(copy);
    expect(after).not.toBe(before);
    // Every collection that changed is a new one; the rest may be shared.
    for (const key of ['tickets', 'desks', 'bookings', 'lastNumbers', 'recentServiceMs'] as const) {
      if (after[key] === before[key]) expect(after[key]).toEqual(copy[key]);
    }
  });

  it('applyAll is apply, one event after another', () => {
    const start = pairs[0]!.before;
    const events = pairs.map((p) => p.event);
    expect(applyAll(start, events)).toEqual(events.reduce(apply, start));
    expect(applyAll(start, [])).toBe(start);
  });
});

describe('apply: what each event leaves behind', () => {
  const base = () => createQueueState(testOffice(), TUESDAY_10_00);
  const at = TUESDAY_10_00;
  const actor = { kind: 'system' } as const;
  const ticket = (id: string, extra: Partial<Ticket> = {}): Ticket => ({
    id,
    number: 'A001',
    serviceId: 'payments',
    officeDay: '2026-11-24',
    kind: 'walk-in',
    issuedAt: at,
    queuedAt: at,
    status: 'waiting',
    recalls: 0,
    ...extra,
  });
  const issued = (t: Ticket): QueueEvent => ({ type: 'ticket.issued', ticket: t, at, actor });

  it.each<[string, Ticket[], [string, number][]]>([
    ['counts per service within a day', [ticket('1'), ticket('2', { number: 'A002' }), ticket('3', { number: 'C001', serviceId: 'meters' })], [['2026-11-24|payments', 2], ['2026-11-24|meters', 1]]],
    ['drops older days when a newer day begins', [ticket('1', { number: 'A007' }), ticket('2', { number: 'C003', serviceId: 'meters' }), ticket('3', { officeDay: '2026-11-25' })], [['2026-11-25|payments', 1]]],
    ['keeps the newer day when a ticket of an older day appears (a clock set back)', [ticket('1', { officeDay: '2026-11-25', number: 'A004' }), ticket('2', { number: 'A009' })], [['2026-11-25|payments', 4], ['2026-11-24|payments', 9]]],
    ['never counts backwards', [ticket('1', { number: 'A005' }), ticket('2', { number: 'A003' })], [['2026-11-24|payments', 5]]],
  ])('lastNumbers %s', (_label, tickets, expected) => {
    const state = applyAll(base(), tickets.map(issued));
    expect([...state.lastNumbers]).toEqual(expected);
  });

  it('removes finished, no-show and cancelled tickets from the live state', () => {
    let state = applyAll(base(), [issued(ticket('f')), issued(ticket('n', { number: 'A002' })), issued(ticket('c', { number: 'A003' }))]);
    state = applyAll(state, [
      { type: 'ticket.finished', ticketId: 'f', deskId: 'd1', operatorId: 'op1', serviceMs: 1000, at, actor },
      { type: 'ticket.no-show', ticketId: 'n', deskId: 'd1', reason: 'operator', at, actor },
      { type: 'ticket.cancelled', ticketId: 'c', reason: 'x', at, actor },
    ]);
    expect(state.tickets.size).toBe(0);
  });

  it('ignores events about tickets and desks it does not hold (history older than the config)', () => {
    const state = base();
    const events: QueueEvent[] = [
      { type: 'ticket.called', ticketId: 'ghost', deskId: 'd9', operatorId: 'op1', reason: 'next-in-line', at, actor },
      { type: 'ticket.called', ticketId: 'ghost', deskId: 'd1', operatorId: 'op1', reason: 'priority', at, actor },
      { type: 'ticket.recalled', ticketId: 'ghost', deskId: 'd9', recalls: 1, at, actor },
      { type: 'ticket.serving-started', ticketId: 'ghost', deskId: 'd9', at, actor },
      { type: 'ticket.postponed', ticketId: 'ghost', deskId: 'd9', at, actor },
      { type: 'ticket.cancelled', ticketId: 'ghost', reason: 'x', at, actor },
      { type: 'booking.cancelled', bookingId: 'ghost', at, actor },
      { type: 'desk.opened', deskId: 'd9', operatorId: 'op1', at, actor },
      { type: 'desk.closed', deskId: 'd9', at, actor },
    ];
    const after = applyAll(state, events);
    expect(after.tickets).toEqual(state.tickets);
    expect(after.desks).toEqual(state.desks);
    expect(after.bookings).toEqual(state.bookings);
  });

  it('does not send a ticket to a desk the config no longer has (replayed history)', () => {
    const setup = testOffice((s) => (s.desks = s.desks.filter((d) => d.id !== 'd3')));
    let state = applyAll(createQueueState(setup, at), [issued(ticket('t'))]);
    state = apply(state, { type: 'ticket.transferred', ticketId: 't', fromDeskId: 'd1', toServiceId: 'payments', toDeskId: 'd3', queuedAt: at, at, actor });
    expect(state.tickets.get('t')!.targetDeskId).toBeUndefined();
  });
});
