import { describe, expect, it } from 'vitest';
import { chooseNextTicket } from './call-next.js';
import { createQueueState } from './create-queue-state.js';
import { ForecastHall } from './forecast-hall.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket, TicketKind } from './ticket.js';

/*
 * The forward play hands the call rule only the tickets that can be a desk's choice. Over random
 * halls that change as a play changes them (tickets leave, newcomers join, time moves on), the
 * rule must choose the same ticket for the same reason from those as from the whole hall.
 */

const SERVICES = ['payments', 'contracts', 'meters'];
const DESKS = ['d1', 'd2', 'd3'];

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ForecastHall: the rule decides from a handful as from the whole hall', () => {
  it('in 400 random halls, through 30 changes each, at every desk', () => {
    const reasons = new Map<string, number>();
    for (let seed = 1; seed <= 400; seed += 1) {
      const random = seeded(seed);
      const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
      const setup = testOffice((s) => {
        s.rules.maxPriorityCallsInRow = 1 + Math.floor(random() * 3);
        s.rules.waitingHardLimitMinutes = 20 + Math.floor(random() * 30);
        for (const desk of s.desks) desk.servicePolicy = random() < 0.5 ? 'weighted' : 'order';
        s.desks[0]!.services[1]!.weight = 1 + Math.floor(random() * 3);
      });
      let now = TUESDAY_10_00;
      const base = createQueueState(setup, now - 180 * MINUTE);
      const hall = new ForecastHall();
      let made = 0;
      const newTicket = (queuedAt: number): Ticket => {
        made += 1;
        const kind = pick<TicketKind>(['walk-in', 'walk-in', 'walk-in', 'priority', 'booking']);
        // Equal join times happen (a burst at the kiosk, expected visitors): the order must hold then too.
        const at = random() < 0.2 ? Math.floor(queuedAt / MINUTE) * MINUTE : queuedAt;
        return {
          id: `t${made}`,
          number: `${pick(['A', 'B'])}${String(Math.floor(random() * 1000)).padStart(3, '0')}`,
          serviceId: pick(SERVICES),
          officeDay: '2026-11-24',
          kind,
          ...(kind === 'priority' && { categoryId: 'disabled', categoryCheck: pick(['pending', 'confirmed', 'rejected'] as const) }),
          ...(kind === 'booking' && { bookingId: `b${made}`, bookingSlotStart: at + Math.floor(random() * 40 - 20) * MINUTE }),
          issuedAt: at - (random() < 0.1 ? MINUTE : 0),
          queuedAt: at,
          status: 'waiting',
          ...(random() < 0.05 && { targetDeskId: pick(DESKS) }),
          recalls: 0,
        };
      };
      for (let i = 0, n = Math.floor(random() * 40); i < n; i += 1) hall.add(newTicket(now - Math.floor(random() * 70 * MINUTE)));
      for (let step = 0; step < 30; step += 1) {
        const desks = new Map(base.desks);
        for (const deskId of DESKS) desks.set(deskId, { deskId, status: 'open', operatorId: 'op1', statusSince: now - 60 * MINUTE, priorityCallsInRow: Math.floor(random() * 4), lastFinishedRated: false });
        const whole: QueueState = { ...base, desks, tickets: hall.tickets };
        for (const deskId of DESKS) {
          const expected = chooseNextTicket(whole, deskId, now);
          const actual = chooseNextTicket({ ...whole, tickets: hall.candidatesFor(whole, deskId, now) }, deskId, now);
          expect(actual && { id: actual.ticket.id, reason: actual.reason }, `seed ${seed}, step ${step}, ${deskId}`).toEqual(expected && { id: expected.ticket.id, reason: expected.reason });
          if (expected) reasons.set(expected.reason, (reasons.get(expected.reason) ?? 0) + 1);
        }
        // A play's changes: the chosen leave, newcomers join, the clock moves on.
        const chosen = chooseNextTicket(whole, pick(DESKS), now);
        if (chosen) hall.delete(chosen.ticket);
        if (random() < 0.5) hall.add(newTicket(now + Math.floor(random() * 3 * MINUTE)));
        now += Math.floor(random() * 6 * MINUTE);
      }
    }
    // Every tier must be reached, or the comparison proves less than it says.
    expect([...reasons.keys()].sort()).toEqual(['booking-due', 'fairness-cap', 'next-in-line', 'overdue-walk-in', 'past-hard-limit', 'priority', 'transferred-to-desk']);
  });
});
