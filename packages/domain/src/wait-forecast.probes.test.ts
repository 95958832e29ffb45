import { describe, expect, it } from 'vitest';
import { createQueueState } from './create-queue-state.js';
import type { DeskState } from './desk-state.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket, TicketKind } from './ticket.js';
import { forecastWaits, type ArrivalRate } from './wait-forecast.js';

/*
 * Probes (the kiosk's "how long if I take a ticket now", one per service) are played in the same
 * play as the hall instead of one play each. Over many random halls, each probe must be told
 * exactly what a separate play with that visitor alone in the hall tells, and every real ticket
 * exactly what the play without probes tells.
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

function randomOffice(seed: number): { state: QueueState; now: number; arrivals: ArrivalRate[] } {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  // Anywhere from the morning to just before the cut-off, so lunches and closing both come into play.
  const now = TUESDAY_10_00 - 90 * MINUTE + Math.floor(random() * 480) * MINUTE;
  const setup = testOffice((s) => {
    s.rules.maxPriorityCallsInRow = 1 + Math.floor(random() * 3);
    s.rules.waitingHardLimitMinutes = 20 + Math.floor(random() * 30);
    for (const desk of s.desks) desk.servicePolicy = random() < 0.5 ? 'weighted' : 'order';
    s.schedule.breaks.push({ operatorId: 'op2', from: '11:30', to: '12:00', reason: 'lunch' });
  });
  const base = createQueueState(setup, now - 180 * MINUTE);
  const tickets = new Map<string, Ticket>();
  const count = Math.floor(random() * 40);
  for (let i = 0; i < count; i += 1) {
    const kind = pick<TicketKind>(['walk-in', 'walk-in', 'walk-in', 'priority', 'booking']);
    const queuedAt = now - Math.floor(random() * 60) * MINUTE;
    const id = `t${i}`;
    tickets.set(id, {
      id,
      number: `A${String(i + 1).padStart(3, '0')}`,
      serviceId: pick(SERVICES),
      officeDay: '2026-11-24',
      kind,
      ...(kind === 'priority' && { categoryId: 'disabled', categoryCheck: pick(['pending', 'confirmed', 'rejected'] as const) }),
      ...(kind === 'booking' && { bookingId: `b${i}`, bookingSlotStart: queuedAt + Math.floor(random() * 20) * MINUTE }),
      issuedAt: queuedAt,
      queuedAt,
      status: 'waiting',
      ...(random() < 0.06 && { targetDeskId: pick(DESKS) }),
      recalls: 0,
    });
  }
  const desks = new Map(base.desks);
  DESKS.forEach((deskId, i) => {
    const roll = random();
    if (roll < 0.2) return;
    const desk: DeskState = { deskId, status: roll < 0.35 ? 'paused' : 'open', operatorId: `op${i + 1}`, statusSince: now - 30 * MINUTE, priorityCallsInRow: Math.floor(random() * 3), lastFinishedRated: false };
    if (desk.status === 'open' && random() < 0.5) {
      const id = `s${i}`;
      const startedAt = now - Math.floor(random() * 15) * MINUTE;
      tickets.set(id, { id, number: `S${i}`, serviceId: pick(SERVICES), officeDay: '2026-11-24', kind: 'walk-in', issuedAt: startedAt - 20 * MINUTE, queuedAt: startedAt - 20 * MINUTE, status: 'serving', calledAt: startedAt - MINUTE, servingStartedAt: startedAt, recalls: 0 } as Ticket);
      desk.currentTicketId = id;
    }
    desks.set(deskId, desk);
  });
  const arrivals: ArrivalRate[] = random() < 0.3 ? [] : SERVICES.flatMap((serviceId) => [
    { serviceId, kind: 'walk-in' as const, perHour: Math.floor(random() * 12) },
    { serviceId, kind: 'priority' as const, perHour: random() < 0.5 ? 1 : 0 },
  ]);
  return { state: { ...base, tickets, desks }, now, arrivals };
}

const probeOf = (serviceId: string, now: number): Ticket => ({
  id: `\u0000newcomer:${serviceId}`,
  number: '\uffff',
  serviceId,
  officeDay: '2026-11-24',
  kind: 'walk-in',
  issuedAt: now,
  queuedAt: now,
  status: 'waiting',
  recalls: 0,
});

describe('probes: every newcomer in one play', () => {
  it('tells each probe what its own play tells, and moves no real ticket, over 250 random offices', () => {
    let probesTold = 0;
    for (let seed = 1; seed <= 250; seed += 1) {
      const { state, now, arrivals } = randomOffice(seed);
      const options = { arrivals, callToStartMs: 30_000 };
      const probes = SERVICES.map((s) => probeOf(s, now));
      const together = forecastWaits(state, now, { ...options, probes });
      const plain = forecastWaits(state, now, options);
      for (const [id, wait] of plain) expect(together.get(id), `seed ${seed}, ticket ${id}`).toBe(wait);
      for (const probe of probes) {
        const alone = forecastWaits({ ...state, tickets: new Map([...state.tickets, [probe.id, probe]]) }, now, options).get(probe.id);
        expect(together.get(probe.id), `seed ${seed}, probe ${probe.serviceId}`).toBe(alone);
        if (alone !== undefined) probesTold += 1;
      }
      // Probes are not real tickets: none is left over in the answer when its play had none.
      expect([...together.keys()].filter((id) => !plain.has(id) && !id.startsWith('\u0000newcomer:'))).toEqual([]);
    }
    // The offices must exercise the probes, not skip them all for want of an open desk.
    expect(probesTold).toBeGreaterThan(350);
  });
});
