import { describe, expect, it } from 'vitest';
import { chooseNextTicket, compareArrival, compareSlot, isDueBooking, isPriorityTicket, type CallChoice } from './call-next.js';
import { createQueueState } from './create-queue-state.js';
import type { QueueState } from './queue-state.js';
import { MINUTE, TUESDAY_10_00, testOffice } from './testing/office-fixture.js';
import type { Ticket, TicketKind } from './ticket.js';

/*
 * Properties of the call rule over many random halls (a seeded generator, so a failure names
 * its seed and repeats): the rule says what the rule written tier by tier says (below); whatever the hall, (1) no one past the hard limit is passed over for a
 * booking or walk-in who is not; (2) a priority visitor is passed over only by a transfer to the
 * desk or the fairness cap; (3) a late walk-in never goes before one who can still make the standard.
 */

const now = TUESDAY_10_00;
const SERVICES = ['payments', 'contracts', 'meters'];
const DESKS = ['d1', 'd2', 'd3'];

/** mulberry32: small, seeded, the same sequence on every machine. */
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

function randomHall(seed: number): { state: QueueState; deskId: string } {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const setup = testOffice((s) => {
    s.rules.maxPriorityCallsInRow = 1 + Math.floor(random() * 4);
    // Off now and then, else anything from a minute to the whole standard.
    s.rules.waitingNearStandardMinutes = random() < 0.2 ? 0 : 1 + Math.floor(random() * s.rules.waitingStandardMinutes);
  });
  const base = createQueueState(setup, now - 120 * MINUTE);
  const tickets = new Map<string, Ticket>();
  const count = 1 + Math.floor(random() * 25);
  for (let i = 0; i < count; i += 1) {
    const kind = pick<TicketKind>(['walk-in', 'walk-in', 'walk-in', 'priority', 'booking']);
    const queuedAt = now - Math.floor(random() * 90) * MINUTE;
    const id = `t${i}`;
    tickets.set(id, {
      id,
      number: `A${String(i + 1).padStart(3, '0')}`,
      serviceId: pick(SERVICES),
      officeDay: '2026-11-24',
      kind,
      ...(kind === 'priority' && { categoryId: 'disabled', categoryCheck: pick(['pending', 'confirmed', 'rejected'] as const) }),
      ...(kind === 'booking' && { bookingId: `b${i}`, bookingSlotStart: queuedAt }),
      issuedAt: queuedAt,
      queuedAt,
      status: random() < 0.9 ? 'waiting' : 'postponed',
      ...(random() < 0.08 && { targetDeskId: pick(DESKS) }),
      recalls: 0,
    });
  }
  const deskId = pick(DESKS);
  const desks = new Map(base.desks);
  desks.set(deskId, { deskId, status: 'open', operatorId: 'op1', statusSince: now - 60 * MINUTE, priorityCallsInRow: Math.floor(random() * 5), lastFinishedRated: false });
  return { state: { ...base, tickets, desks }, deskId };
}

function callableHere(state: QueueState, deskId: string, t: Ticket): boolean {
  if (t.status !== 'waiting') return false;
  if (t.targetDeskId !== undefined) return t.targetDeskId === deskId;
  return state.setup.desks.find((d) => d.id === deskId)?.services.some((s) => s.serviceId === t.serviceId) ?? false;
}

const SEEDS = Array.from({ length: 2000 }, (_, i) => i + 1);

describe('call rule properties over 2000 random halls', () => {
  it('never passes over someone past the hard limit for a booking or walk-in who is not', () => {
    for (const seed of SEEDS) {
      const { state, deskId } = randomHall(seed);
      const choice = chooseNextTicket(state, deskId, now);
      const limit = state.setup.rules.waitingHardLimitMinutes * MINUTE;
      const pastLimit = (t: Ticket) => now - t.queuedAt > limit && (t.kind !== 'booking' || isDueBooking(t, now));
      const waitingPast = [...state.tickets.values()].filter((t) => callableHere(state, deskId, t) && pastLimit(t));
      if (waitingPast.length === 0 || !choice) continue;
      // A transfer to this desk and priority visitors go first by rule; the fairness cap lifts a late walk-in.
      if (choice.reason === 'transferred-to-desk' || choice.reason === 'priority') continue;
      // The cap lifts the longest-waiting late walk-in: past the limit whenever a walk-in is.
      if (choice.reason === 'fairness-cap' && !waitingPast.some((t) => !isPriorityTicket(t) && !isDueBooking(t, now))) continue;
      expect(pastLimit(choice.ticket), `seed ${seed}: called ${choice.ticket.number} (${choice.reason})`).toBe(true);
      // And the longest of them, when it is the hard limit that calls.
      if (choice.reason === 'past-hard-limit') expect(Math.min(...waitingPast.map((t) => t.queuedAt)), `seed ${seed}`).toBe(choice.ticket.queuedAt);
    }
  });

  it('calls a priority visitor first unless a transfer or the fairness cap says otherwise', () => {
    for (const seed of SEEDS) {
      const { state, deskId } = randomHall(seed);
      const choice = chooseNextTicket(state, deskId, now);
      const priorityHere = [...state.tickets.values()].some((t) => callableHere(state, deskId, t) && isPriorityTicket(t));
      if (!priorityHere) continue;
      expect(choice, `seed ${seed}`).toBeDefined();
      expect(['priority', 'transferred-to-desk', 'fairness-cap'], `seed ${seed}`).toContain(choice?.reason);
    }
  });

  it('calls a walk-in already past the standard only when nobody within it can be called here', () => {
    for (const seed of SEEDS) {
      const { state, deskId } = randomHall(seed);
      const choice = chooseNextTicket(state, deskId, now);
      if (choice?.reason !== 'overdue-walk-in') continue;
      const inTime = [...state.tickets.values()].filter(
        (t) => callableHere(state, deskId, t) && now - t.queuedAt <= state.setup.rules.waitingStandardMinutes * MINUTE,
      );
      expect(inTime.map((t) => t.number), `seed ${seed}`).toEqual([]);
    }
  });
});

/**
 * The rule as the docs tell it, one filter per tier, in the order the tiers apply. The real one
 * finds every tier's first in a single pass (the forward play calls it thousands of times per
 * forecast); it must choose the same ticket for the same reason in every hall.
 */
function chooseTierByTier(state: QueueState, deskId: string, at: number): CallChoice | undefined {
  const desk = state.desks.get(deskId);
  if (!desk) return undefined;
  const deskSetup = state.setup.desks.find((d) => d.id === deskId);
  const services = deskSetup?.services ?? [];
  const weights = new Map(services.map((s) => [s.serviceId, s.weight]));
  const { waitingStandardMinutes, waitingHardLimitMinutes, waitingNearStandardMinutes, maxPriorityCallsInRow } = state.setup.rules;
  const first = (tickets: Ticket[], compare: (a: Ticket, b: Ticket) => number) => [...tickets].sort(compare)[0];
  const oldest = (tickets: Ticket[]) => first(tickets, compareArrival);
  const candidates = [...state.tickets.values()].filter(
    (t) => t.status === 'waiting' && (t.targetDeskId !== undefined ? t.targetDeskId === deskId : weights.has(t.serviceId)),
  );
  const transferred = oldest(candidates.filter((t) => t.targetDeskId === deskId));
  if (transferred) return { ticket: transferred, reason: 'transferred-to-desk' };
  const waited = (t: Ticket) => at - t.queuedAt;
  const isWalkIn = (t: Ticket) => !isPriorityTicket(t) && !isDueBooking(t, at);
  const overdue = candidates.filter((t) => isWalkIn(t) && waited(t) > waitingStandardMinutes * MINUTE);
  const lifted = desk.priorityCallsInRow >= maxPriorityCallsInRow ? oldest(overdue) : undefined;
  if (lifted) return { ticket: lifted, reason: 'fairness-cap' };
  const priority = oldest(candidates.filter(isPriorityTicket));
  if (priority) return { ticket: priority, reason: 'priority' };
  const pastLimit = oldest(candidates.filter((t) => waited(t) > waitingHardLimitMinutes * MINUTE && (t.kind !== 'booking' || isDueBooking(t, at))));
  if (pastLimit) return { ticket: pastLimit, reason: 'past-hard-limit' };
  const due = first(candidates.filter((t) => isDueBooking(t, at)), compareSlot);
  if (due) return { ticket: due, reason: 'booking-due' };
  const inTime = candidates.filter((t) => isWalkIn(t) && waited(t) <= waitingStandardMinutes * MINUTE);
  const nearStandard = waitingNearStandardMinutes > 0 ? oldest(inTime.filter((t) => waited(t) > (waitingStandardMinutes - waitingNearStandardMinutes) * MINUTE)) : undefined;
  if (nearStandard) return { ticket: nearStandard, reason: 'next-in-line' };
  let next: Ticket | undefined;
  if (deskSetup?.servicePolicy === 'weighted') {
    const score = (t: Ticket) => waited(t) * (weights.get(t.serviceId) ?? 1);
    next = first(inTime, (a, b) => score(b) - score(a) || compareArrival(a, b));
  } else {
    for (const entry of services) {
      next = oldest(inTime.filter((t) => t.serviceId === entry.serviceId));
      if (next) break;
    }
  }
  if (next) return { ticket: next, reason: 'next-in-line' };
  const late = oldest(overdue);
  return late ? { ticket: late, reason: 'overdue-walk-in' } : undefined;
}

describe('the walk-ins about to be late', () => {
  it('when the desk calls within the standard, it calls the oldest one near the standard if there is one', () => {
    let seen = 0;
    for (const seed of SEEDS) {
      const { state, deskId } = randomHall(seed);
      const choice = chooseNextTicket(state, deskId, now);
      if (choice?.reason !== 'next-in-line') continue;
      const { waitingStandardMinutes, waitingNearStandardMinutes } = state.setup.rules;
      if (waitingNearStandardMinutes === 0) continue;
      const near = [...state.tickets.values()].filter((t) => {
        const waited = now - t.queuedAt;
        return callableHere(state, deskId, t) && !isPriorityTicket(t) && !isDueBooking(t, now) && waited <= waitingStandardMinutes * MINUTE && waited > (waitingStandardMinutes - waitingNearStandardMinutes) * MINUTE;
      });
      if (near.length === 0) continue;
      seen += 1;
      expect(choice.ticket.id, `seed ${seed}`).toBe([...near].sort(compareArrival)[0]?.id);
    }
    expect(seen).toBeGreaterThan(5);
  });
});

describe('the rule in one pass is the rule tier by tier', () => {
  it('chooses the same ticket for the same reason in 2000 random halls, at every desk, now and later', () => {
    const reasons = new Set<string>();
    for (const seed of SEEDS) {
      const { state } = randomHall(seed);
      for (const deskId of DESKS) {
        const desks = new Map(state.desks);
        desks.set(deskId, { deskId, status: 'open', operatorId: 'op1', statusSince: now - 60 * MINUTE, priorityCallsInRow: seed % 4, lastFinishedRated: false });
        const hall = { ...state, desks };
        for (const at of [now, now + 25 * MINUTE, now + 70 * MINUTE]) {
          const expected = chooseTierByTier(hall, deskId, at);
          const actual = chooseNextTicket(hall, deskId, at);
          expect(actual && { id: actual.ticket.id, reason: actual.reason }, `seed ${seed}, ${deskId}`).toEqual(expected && { id: expected.ticket.id, reason: expected.reason });
          if (expected) reasons.add(expected.reason);
        }
      }
    }
    // The halls must reach every tier, or the comparison proves less than it says.
    expect([...reasons].sort()).toEqual(['booking-due', 'fairness-cap', 'next-in-line', 'overdue-walk-in', 'past-hard-limit', 'priority', 'transferred-to-desk']);
  });
});
