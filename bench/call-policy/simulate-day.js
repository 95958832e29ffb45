// One simulated office day through the real queue engine (packages/domain): visitors arrive,
// take tickets or check in with bookings, desks call, serve and go to lunch. Which visitor a free
// desk calls is the only thing a policy changes, so their figures can be set side by side.
import { applyAll, arrivalRatesFrom, calibratedWaitMin, createQueueState, decide, estimateWait, forecastWaitMin, instantOfLocal, waitRange } from '@talon/domain';
import { createFormerRule } from './former-rule.js';

const MINUTE = 60_000;
const SYSTEM = { kind: 'system' };

/** A small seeded generator (mulberry32): the same seed gives the same day under every policy. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Service times scatter around the service's norm; most are close, a few run long. */
function serviceMinutes(random, mean, cv = 0.5) {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const u1 = Math.max(random(), 1e-12);
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
  return Math.exp(mu + sigma * normal);
}

function pick(random, weighted) {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r <= 0) return value;
  }
  return weighted.at(-1)[0];
}

/**
 * The policies compared, each a factory called once per day (a rule may keep a desk's run of
 * priority calls). `talon` is the engine's own `ticket.call-next` (so its run counts, as at a real
 * desk); the others are played through `ticket.call` so everything else stays the same.
 */
export const POLICIES = {
  talon: () => 'call-next',
  /** The same engine rule without its about-to-be-late step (`waitingNearStandardMinutes` 0): the rule of 2026-12-05. */
  'talon-no-near': Object.assign(() => 'call-next', { rules: { waitingNearStandardMinutes: 0 } }),
  /** The rule before issue 14 (late walk-ins first, longest first): the baseline. */
  'talon-former': createFormerRule,
  /** One line per service mix: whoever took a ticket first, priority or not. */
  fifo: () => (state, deskId) => oldestOf(waitingFor(state, deskId)),
  /** Priority and due bookings always first, with no cap and no lift for the overdue. */
  'strict-priority': () => (state, deskId, now) => {
    const waiting = waitingFor(state, deskId);
    return (
      oldestOf(waiting.filter((t) => t.kind === 'priority')) ??
      oldestOf(waiting.filter((t) => t.kind === 'booking' && (t.bookingSlotStart ?? 0) <= now)) ??
      oldestOf(waiting)
    );
  },
};

function waitingFor(state, deskId) {
  const desk = state.setup.desks.find((d) => d.id === deskId);
  const serves = new Set(desk.services.map((s) => s.serviceId));
  return [...state.tickets.values()].filter((t) => t.status === 'waiting' && serves.has(t.serviceId));
}

function oldestOf(tickets) {
  return tickets.reduce((best, t) => (!best || t.queuedAt < best.queuedAt ? t : best), undefined);
}

/**
 * @param setup   the office's queue setup (from its config)
 * @param day     { date, open, close, arrivals, priorityShare, bookings, serviceMix, hourProfile, absentShare, seed }
 * @param policy  a key of POLICIES
 * @param operatorOf  deskId -> operatorId (each desk's operator, whose breaks pause it)
 * @param options  { estimates }: whether each visitor's estimates are computed (by default only under
 *   `talon`, the one rule whose estimate the bench reports; they take most of a day's time)
 */
export function simulateDay(setup, day, policy, operatorOf, options = {}) {
  const withEstimates = options.estimates ?? policy === 'talon';
  const random = seededRandom(day.seed);
  const choose = POLICIES[policy]();
  // A policy may be the engine's rule with other settings.
  if (POLICIES[policy].rules) setup = { ...setup, rules: { ...setup.rules, ...POLICIES[policy].rules } };
  const tz = setup.schedule.timeZone;
  const at = (time) => instantOfLocal(tz, day.date, time);
  const opensAt = at(day.open);
  const lastTicketAt = at(day.close) - setup.schedule.issueUntilMinutesBeforeClose * MINUTE;
  let state = createQueueState(setup, opensAt - 60 * MINUTE);
  let ids = 0;
  const run = (command, now) => {
    const decision = decide(state, { command, actor: SYSTEM, now });
    if (decision.ok) state = applyAll(state, decision.events);
    return decision;
  };

  // The day's visitors are drawn first, from the seed alone, so every policy meets the same hall.
  const visitors = [];
  const hours = day.hourProfile.length;
  for (let i = 0; i < day.arrivals; i += 1) {
    const hour = pick(random, day.hourProfile.map((w, h) => [h, w]));
    const arrival = opensAt + (hour + random()) * 60 * MINUTE;
    if (arrival >= lastTicketAt || hour >= hours) continue;
    const serviceId = pick(random, Object.entries(day.serviceMix));
    const categoryId = random() < day.priorityShare ? pick(random, setup.categories.map((c) => [c.id, 1])) : undefined;
    const norm = setup.services.find((s) => s.id === serviceId).normMinutes;
    visitors.push({ arrival, serviceId, categoryId, minutes: serviceMinutes(random, norm), absent: random() < day.absentShare });
  }
  for (let i = 0; i < day.bookings.count; i += 1) {
    const serviceId = pick(random, Object.entries(day.bookings.serviceMix));
    const slotMinutes = day.bookings.slotMinutes[serviceId];
    const slots = Math.floor((lastTicketAt - opensAt) / (slotMinutes * MINUTE));
    const slotStart = opensAt + Math.floor(random() * slots) * slotMinutes * MINUTE;
    const code = `B${String(i).padStart(4, '0')}`;
    run({ type: 'booking.create', bookingId: `b${i}`, code, serviceId, slotStart, slotMinutes, source: 'office' }, opensAt - 30 * MINUTE);
    if (random() < day.bookings.noShowShare) continue;
    // Most come a little early; some are late, a few past the grace (they get a plain ticket).
    const offset = random() < 0.8 ? -random() * 12 : random() * 14;
    const norm = setup.services.find((s) => s.id === serviceId).normMinutes;
    visitors.push({ arrival: slotStart + offset * MINUTE, serviceId, code, slotStart, minutes: serviceMinutes(random, norm), absent: false });
  }
  visitors.sort((a, b) => a.arrival - b.arrival);

  // Desk timeline: each desk is free, busy until some instant, or at lunch.
  const desks = setup.desks.map((d) => ({ id: d.id, operatorId: operatorOf[d.id], busyUntil: opensAt, ticketId: undefined }));
  for (const desk of desks) run({ type: 'desk.open', deskId: desk.id, operatorId: desk.operatorId }, opensAt);
  const breaks = setup.schedule.breaks;
  const lunchOf = (desk) => breaks.find((b) => b.operatorId === desk.operatorId);
  const visitorByTicket = new Map();
  const forwardErrors = [];
  const outcomes = [];
  // What the office itself knows when it estimates: who took a ticket lately, and how long a call takes to become a visit.
  const issuedLog = [];
  const callGaps = [];

  const endOfDay = at(day.close) + 3 * 60 * MINUTE;
  let next = 0;
  for (let now = opensAt; now <= endOfDay; now += 15_000) {
    // Arrivals up to now take their tickets.
    while (next < visitors.length && visitors[next].arrival <= now) {
      const v = visitors[next++];
      const ticketId = `t${++ids}`;
      const decision = v.code
        ? run({ type: 'booking.check-in', ticketId, code: v.code, acceptWalkIn: true }, now)
        : run({ type: 'ticket.issue', ticketId, serviceId: v.serviceId, ...(v.categoryId && { categoryId: v.categoryId }) }, now);
      if (!decision.ok) continue;
      const issued = state.tickets.get(ticketId);
      issuedLog.push({ serviceId: issued.serviceId, kind: issued.kind, issuedAt: now });
      const callToStartMs = callGaps.length === 0 ? 0 : callGaps.reduce((a, b) => a + b, 0) / callGaps.length;
      // What the visitor is told at the kiosk, by each estimator, to set against what happens.
      const estimates = !withEstimates ? undefined : {
        today: estimateWait(state, issued.serviceId, now, ticketId).estimatedWaitMin,
        // The play as it was before tuning: no one arriving, no walk to the desk, one play.
        'forward-before': forecastWaitMin(state, issued.serviceId, now, ticketId),
        forward: forecastWaitMin(state, issued.serviceId, now, ticketId, { arrivals: arrivalRatesFrom(issuedLog, now), callToStartMs }),
      };
      // The office's own recent errors (the last 100 raw forecasts against what happened) set the lean and the range.
      if (estimates && estimates.forward !== null) {
        estimates.calibrated = calibratedWaitMin(estimates.forward, forwardErrors);
        estimates.range = waitRange(estimates.forward, forwardErrors);
      } else if (estimates) estimates.calibrated = null;
      // A study's own estimators (scratch scripts), told the same as the office's.
      if (estimates && options.moreEstimates) Object.assign(estimates, options.moreEstimates(state, issued.serviceId, now, ticketId, { arrivals: arrivalRatesFrom(issuedLog, now), callToStartMs }));
      visitorByTicket.set(ticketId, { ...v, arrivedAt: now, ticketId, kind: issued.kind, estimates });
    }
    for (const desk of desks) {
      if (desk.busyUntil > now) continue;
      const deskState = state.desks.get(desk.id);
      if (desk.ticketId) {
        const visitor = visitorByTicket.get(desk.ticketId);
        const ticket = state.tickets.get(desk.ticketId);
        if (ticket?.status === 'called' && visitor.absent) {
          // Called, not there: one recall, then the engine's recall limit ends it as a no-show.
          const recalled = run({ type: 'ticket.recall', deskId: desk.id }, now);
          if (recalled.ok && state.tickets.get(desk.ticketId)?.status === 'called') {
            desk.busyUntil = now + MINUTE;
            continue;
          }
          run({ type: 'ticket.no-show', deskId: desk.id }, now);
          outcomes.push({ ...visitor, calledAt: ticket.calledAt, noShow: true });
          desk.ticketId = undefined;
        } else if (ticket?.status === 'called') {
          run({ type: 'ticket.start', deskId: desk.id }, now);
          callGaps.push(now - ticket.calledAt);
          if (callGaps.length > 50) callGaps.shift();
          if (ticket.kind === 'priority') run({ type: 'ticket.confirm-category', deskId: desk.id, documentSeen: true }, now);
          desk.busyUntil = now + visitor.minutes * MINUTE;
          continue;
        } else if (ticket?.status === 'serving') {
          run({ type: 'ticket.finish', deskId: desk.id }, now);
          desk.ticketId = undefined;
        }
      }
      const lunch = lunchOf(desk);
      const lunchFrom = lunch && at(lunch.from);
      const lunchTo = lunch && at(lunch.to);
      if (lunch && now >= lunchFrom && now < lunchTo) {
        if (deskState.status === 'open') run({ type: 'desk.pause', deskId: desk.id, reason: 'lunch' }, now);
        desk.busyUntil = lunchTo;
        continue;
      }
      if (deskState.status === 'paused') run({ type: 'desk.resume', deskId: desk.id }, now);
      let ticket;
      if (choose === 'call-next') {
        const called = run({ type: 'ticket.call-next', deskId: desk.id }, now);
        if (!called.ok) continue;
        ticket = state.tickets.get(called.events.find((e) => e.type === 'ticket.called').ticketId);
      } else {
        ticket = choose(state, desk.id, now);
        if (!ticket) continue;
        const called = run({ type: 'ticket.call', deskId: desk.id, ticketId: ticket.id }, now);
        if (!called.ok) throw new Error(`${policy}: call refused: ${called.error.code}`);
      }
      const visitor = visitorByTicket.get(ticket.id);
      if (!visitor.absent) outcomes.push({ ...visitor, kind: ticket.kind, queuedAt: ticket.queuedAt, calledAt: now });
      if (!visitor.absent && visitor.estimates?.forward != null) {
        forwardErrors.push({ forecastMin: visitor.estimates.forward, errorMin: visitor.estimates.forward - (now - visitor.arrivedAt) / MINUTE });
        if (forwardErrors.length > 100) forwardErrors.shift();
      }
      desk.ticketId = ticket.id;
      // The visitor walks over; an absent one is recalled after a minute.
      desk.busyUntil = now + (visitor.absent ? MINUTE : 30_000);
    }
  }
  // Whoever is still waiting at the end was never called: the longest wait of all.
  const unserved = [...state.tickets.values()].filter((t) => t.status === 'waiting').length;
  return { outcomes: outcomes.filter((o) => !o.noShow), unserved };
}
