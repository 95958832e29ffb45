import { playHall, type PlayDesk } from './hall-play.js';
import { breaksOn, instantOfLocal, issuingWindow, localTimeOf, scheduledBreakAt } from './office-hours.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

const MINUTE = 60_000;
const MIN_SAMPLES = 3;
/** A desk paused for something other than a scheduled break is assumed back this soon. */
const UNPLANNED_PAUSE_MS = 5 * MINUTE;
/** However long a visitor has been at the desk already, the rest of the visit takes at least this. */
const MIN_REMAINING_MS = MINUTE;
/** The simulation stops after this many calls (beyond the desks' idle turns): a hall bigger than this is not a kiosk's question. */
const MAX_CALLS = 2000;

/** Mean of the service's recent visits, or its norm until there are enough of them. */
export function expectedServiceMs(state: QueueState, serviceId: string): number {
  const samples = state.recentServiceMs.get(serviceId) ?? [];
  if (samples.length >= MIN_SAMPLES) return samples.reduce((a, b) => a + b, 0) / samples.length;
  return (state.setup.services.find((s) => s.id === serviceId)?.normMinutes ?? 10) * MINUTE;
}

/**
 * How much longer a visit that has lasted `elapsedMs` will take: among the service's recent visits
 * that ran at least that long, the mean of what they ran beyond it. A visit already past the mean
 * is not about to end: the long ones are the ones still going. Until there are enough samples,
 * the norm less the time spent.
 */
export function remainingServiceMs(state: QueueState, serviceId: string, elapsedMs: number): number {
  const samples = state.recentServiceMs.get(serviceId) ?? [];
  if (samples.length >= MIN_SAMPLES) {
    let sum = 0;
    let count = 0;
    for (const s of samples) {
      if (s <= elapsedMs) continue;
      sum += s - elapsedMs;
      count += 1;
    }
    if (count > 0) return Math.max(MIN_REMAINING_MS, sum / count);
  }
  return Math.max(MIN_REMAINING_MS, expectedServiceMs(state, serviceId) - elapsedMs);
}

/** When the operator's scheduled break covering `at` ends, or `at` if none does. */
function afterBreak(state: QueueState, operatorId: string | undefined, at: Instant): Instant {
  if (operatorId === undefined) return at;
  let t = at;
  for (let guard = 0; guard < 8; guard += 1) {
    const b = scheduledBreakAt(state.setup.schedule, operatorId, t);
    if (!b) return t;
    t = instantOfLocal(state.setup.schedule.timeZone, localTimeOf(state.setup.schedule, t).date, b.to);
  }
  return t;
}

/** Within this long of the local day's start, the day's breaks held as instants answer `afterBreak`: short of any day, clock changes included. */
const DAY_HELD_MS = 22 * 60 * MINUTE;

/**
 * `afterBreak` for one play: the breaks of the local day of `now` turned into instants once, so a
 * play's thousands of questions skip the wall-clock arithmetic (a fifth of a play's time); an
 * instant outside that day asks `afterBreak` itself.
 */
function breakClock(state: QueueState, now: Instant): (operatorId: string | undefined, at: Instant) => Instant {
  const { schedule } = state.setup;
  const date = localTimeOf(schedule, now).date;
  const dayStart = instantOfLocal(schedule.timeZone, date, '00:00');
  const byOperator = new Map<string, [Instant, Instant][]>();
  for (const b of breaksOn(schedule, date)) {
    const list = byOperator.get(b.operatorId) ?? [];
    list.push([instantOfLocal(schedule.timeZone, date, b.from), instantOfLocal(schedule.timeZone, date, b.to)]);
    byOperator.set(b.operatorId, list);
  }
  return (operatorId, at) => {
    if (operatorId === undefined) return at;
    if (at < dayStart || at >= dayStart + DAY_HELD_MS) return afterBreak(state, operatorId, at);
    const list = byOperator.get(operatorId);
    if (!list) return at;
    let t = at;
    for (let moved = true; moved; ) {
      moved = false;
      for (const [from, to] of list) {
        if (from <= t && t < to) {
          t = to;
          moved = true;
        }
      }
    }
    return t < dayStart + DAY_HELD_MS ? t : afterBreak(state, operatorId, t);
  };
}

/** A pace of arrivals expected from now on, per service and kind (bookings come from `state.bookings`). */
export interface ArrivalRate {
  serviceId: string;
  kind: 'walk-in' | 'priority';
  perHour: number;
}

export interface ForecastOptions {
  /**
   * Visitors expected to come after now (`arrivalRatesFrom`, e.g. the last hour's pace). They take
   * their place in the play as they would in the hall: a priority visitor goes ahead of everyone,
   * a newcomer who can still make the standard ahead of the late. Without them the play is short
   * on a busy day.
   */
  arrivals?: readonly ArrivalRate[];
  /** Desk time per visit beyond the service itself: the call, the walk to the desk. */
  callToStartMs?: number;
  /**
   * Visitors who might take a ticket now (the kiosk's question, one per service): each is told
   * when it would be called as if it alone had joined the hall. A probe takes no desk time and
   * moves no one: when a desk picks it, the call time is kept, the probe leaves, and the desk
   * chooses again at the same moment. The call rule picks by tiers and, within a tier, the first
   * in a fixed order, so a candidate it does not pick never changes whom it picks; every probe's
   * call is therefore the one a separate play with that visitor alone would give, at the cost of
   * one play for all of them.
   */
  probes?: readonly Ticket[];
  /**
   * Play `index` of `of` plays over the spread of service times: each visit takes one of its
   * service's recent times (`recentServiceMs`), picked by the ticket and the index so that over the
   * `of` plays every visit takes `of` times evenly spaced among the recent ones (a ticket's
   * starting point comes from a hash of its id: no randomness, the same hall plays the same).
   * Without it every visit takes the recent mean.
   */
  draw?: { index: number; of: number };
}

/** Expected visitors are placed only this far ahead: a kiosk's question is about the next hours. */
const ARRIVALS_HORIZON_MS = 4 * 60 * MINUTE;
/** A booked visitor checks in about this long before the slot. */
const BOOKING_EARLY_MS = 5 * MINUTE;
const EXPECTED_PREFIX = '\u0000expected-';

/**
 * The pace of arrivals per service and kind over the last `windowMs` (an hour by default), from
 * what was issued (bookings are left out: the state knows them by slot). Pure: the caller reads
 * the issue times from its own store.
 */
export function arrivalRatesFrom(
  issued: readonly { serviceId: string; kind: string; issuedAt: Instant }[],
  now: Instant,
  windowMs = 60 * MINUTE,
): ArrivalRate[] {
  const counts = new Map<string, ArrivalRate>();
  for (const t of issued) {
    if (t.kind === 'booking' || t.issuedAt > now || t.issuedAt <= now - windowMs) continue;
    const kind = t.kind === 'priority' ? 'priority' : 'walk-in';
    const key = `${t.serviceId}|${kind}`;
    const rate = counts.get(key) ?? { serviceId: t.serviceId, kind, perHour: 0 };
    rate.perHour += (60 * MINUTE) / windowMs;
    counts.set(key, rate);
  }
  return [...counts.values()];
}

/**
 * The visitors the play expects after now, in arrival order: each pace evenly spread (the k-th at
 * (k + 1/2) intervals), and the bookings not yet checked in a little before their slots. Up to the
 * end of today's issuing (or the horizon for an office always open).
 */
function expectedArrivals(state: QueueState, now: Instant, arrivals: readonly ArrivalRate[]): Ticket[] {
  const window = issuingWindow(state.setup.schedule, now);
  if (!window.open) return [];
  const until = Math.min(now + ARRIVALS_HORIZON_MS, window.closesAt !== undefined ? window.closesAt - state.setup.schedule.issueUntilMinutesBeforeClose * MINUTE : Infinity);
  const officeDay = localTimeOf(state.setup.schedule, now).date;
  const expected: Ticket[] = [];
  // Plain literals of one shape: spreads here made the play's tickets slow to build and to read.
  const add = (serviceId: string, kind: Ticket['kind'], queuedAt: Instant, bookingSlotStart?: Instant) => {
    const id = `${EXPECTED_PREFIX}${expected.length}`;
    const ticket: Ticket = { id, number: id, serviceId, officeDay, kind, issuedAt: queuedAt, queuedAt, status: 'waiting', recalls: 0 };
    if (kind === 'priority') ticket.categoryCheck = 'pending';
    if (bookingSlotStart !== undefined) ticket.bookingSlotStart = bookingSlotStart;
    expected.push(ticket);
  };
  for (const rate of arrivals) {
    if (!(rate.perHour > 0)) continue;
    const every = (60 * MINUTE) / rate.perHour;
    for (let at = now + every / 2; at < until; at += every) add(rate.serviceId, rate.kind, at);
  }
  for (const booking of state.bookings.values()) {
    if (booking.slotStart < now || booking.slotStart >= until) continue;
    add(booking.serviceId, 'booking', Math.max(now, booking.slotStart - BOOKING_EARLY_MS), booking.slotStart);
  }
  return expected.sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * Plays the office forward from its current state and says when each waiting ticket will be
 * called: the open desks (each finishing its current visitor at the recent pace of its service),
 * paused desks back at the end of their scheduled break, lunches about to start, the visitors
 * expected to come meanwhile (`options.arrivals`, the bookings due) and the same call rule
 * (`chooseNextTicket`) the desks use. Tickets no open or returning desk serves are left out (no
 * estimate).
 */
export function forecastCalls(state: QueueState, now: Instant, options: ForecastOptions = {}): Map<string, Instant> {
  const calls = new Map<string, Instant>();
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  const probes = (options.probes ?? []).filter((p) => !state.tickets.has(p.id) || state.tickets.get(p.id)?.status !== 'waiting');
  if (waiting.length === 0 && probes.length === 0) return calls;
  const after = breakClock(state, now);
  const extraMs = options.callToStartMs ?? 0;
  const visits = new Map<string, number>();
  const visitMs = (serviceId: string) => {
    let ms = visits.get(serviceId);
    if (ms === undefined) {
      ms = expectedServiceMs(state, serviceId) + extraMs;
      visits.set(serviceId, ms);
    }
    return ms;
  };
  const draw = options.draw;
  const sorted = new Map<string, number[] | null>();
  /** The visit's desk time in this play: a recent time of its service at the ticket's place in the draw, or the mean. */
  const drawnVisitMs = (ticket: Ticket): number => {
    if (!draw) return visitMs(ticket.serviceId);
    let samples = sorted.get(ticket.serviceId);
    if (samples === undefined) {
      const recent = state.recentServiceMs.get(ticket.serviceId) ?? [];
      samples = recent.length >= MIN_SAMPLES ? [...recent].sort((a, b) => a - b) : null;
      sorted.set(ticket.serviceId, samples);
    }
    if (samples === null) return visitMs(ticket.serviceId);
    const n = samples.length;
    const at = (spreadOf(ticket.id) + Math.floor((draw.index * n) / draw.of)) % n;
    return (samples[at] as number) + extraMs;
  };

  const desks: PlayDesk[] = [];
  for (const setup of state.setup.desks) {
    const live = state.desks.get(setup.id);
    if (!live || live.status === 'closed') continue;
    let freeAt = now;
    if (live.status === 'paused') {
      const back = after(live.operatorId, now);
      freeAt = back > now ? back : now + UNPLANNED_PAUSE_MS;
    } else if (live.currentTicketId !== undefined) {
      const current = state.tickets.get(live.currentTicketId);
      if (current) {
        // Called and walking over: the whole visit is still ahead; in service: what such visits have left.
        freeAt =
          current.servingStartedAt !== undefined
            ? now + remainingServiceMs(state, current.serviceId, now - current.servingStartedAt)
            : now + Math.max(MIN_REMAINING_MS, visitMs(current.serviceId) - (now - (current.calledAt ?? now)));
      }
    }
    desks.push({ id: setup.id, number: setup.number, operatorId: live.operatorId, freeAt: after(live.operatorId, freeAt), state: live });
  }

  const expected = options.arrivals || state.bookings.size > 0 ? expectedArrivals(state, now, options.arrivals ?? []) : [];
  // The same play as the plan for tomorrow's (`playHall`): the desk free first calls next by the office's rule.
  const played = playHall({
    state,
    desks,
    arrivals: expected,
    probes,
    visitMs: drawnVisitMs,
    afterBreak: after,
    until: new Set([...waiting.map((t) => t.id), ...probes.map((p) => p.id)]),
    // The guard counts turns, and a desk with nothing to serve takes one per visitor expected
    // (it waits for the next): in an office of many specialised desks those alone passed 2,000,
    // and the hall's last tickets went untold. So the idle turns are allowed on top of the calls.
    maxCalls: MAX_CALLS + desks.length * (expected.length + 1),
  });
  for (const [id, at] of played) if (!id.startsWith(EXPECTED_PREFIX)) calls.set(id, at);
  return calls;
}

/** A ticket's fixed starting point among its service's recent times (FNV-1a of its id). */
function spreadOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * What is told comes from this many plays of the same hall. Play k of them (k = 0 ... n-1) takes the
 * walk-ins expected at k/(n-1) of the last hour's pace (none in the first, all in the last), and
 * its own draw of recent service times (`draw`).
 *
 * Why several: the rule sends a visitor near the standard's edge one of two ways (called in time,
 * or passed over by newcomers until the hard limit), and a few minutes of desk time or two more
 * walk-ins decide which. One play with mean times and evenly spread arrivals keeps the desks busier
 * than a real, bursty hall does and always takes the second way; a play without walk-ins the
 * first. The median of plays spread over both is the middle of the outcomes, which is what a mean
 * absolute error rewards. bench/call-policy, 100 days at 80 % load (README, "Who is called next"):
 * the mean of one play with and one without walk-ins erred by 4.16 minutes, this median by 3.98.
 * Seven plays of a hall of 100 take about 3 ms.
 */
export const FORECAST_PLAYS = 7;

/** Every waiting ticket's forecast wait in minutes (from `now`): the median of `FORECAST_PLAYS` plays. */
export function forecastWaits(state: QueueState, now: Instant, options: ForecastOptions = {}): Map<string, number> {
  const arrivals = options.arrivals ?? [];
  const plays: Map<string, Instant>[] = [];
  for (let index = 0; index < FORECAST_PLAYS; index += 1) {
    const pace = index / Math.max(1, FORECAST_PLAYS - 1);
    const calls = forecastCalls(state, now, {
      ...options,
      arrivals: arrivals.map((a) => ({ ...a, perHour: a.perHour * pace })),
      draw: { index, of: FORECAST_PLAYS },
    });
    if (calls.size === 0) return new Map();
    plays.push(calls);
  }
  const waits = new Map<string, number>();
  const told: number[] = [];
  for (const id of (plays[0] as Map<string, Instant>).keys()) {
    told.length = 0;
    for (const play of plays) {
      const at = play.get(id);
      if (at !== undefined) told.push(at);
    }
    told.sort((a, b) => a - b);
    const mid = told.length >> 1;
    const median = told.length % 2 === 1 ? (told[mid] as number) : ((told[mid - 1] as number) + (told[mid] as number)) / 2;
    waits.set(id, Math.max(0, (median - now) / MINUTE));
  }
  return waits;
}

/**
 * The wait a ticket is told, in whole minutes, from the forward plays: for a ticket in the hall,
 * or (no ticket id) for a visitor who takes a plain ticket of the service now. Null when no open
 * or returning desk serves it.
 */
export function forecastWaitMin(state: QueueState, serviceId: string, now: Instant, ticketId?: string, options: ForecastOptions = {}): number | null {
  let hall = state;
  let id = ticketId;
  if (id === undefined) {
    id = NEWCOMER_ID;
    const officeDay = localTimeOf(state.setup.schedule, now).date;
    const newcomer: Ticket = { id, number: '\uffff', serviceId, officeDay, kind: 'walk-in', issuedAt: now, queuedAt: now, status: 'waiting', recalls: 0 };
    hall = { ...state, tickets: new Map([...state.tickets, [id, newcomer]]) };
  }
  const wait = forecastWaits(hall, now, options).get(id);
  return wait === undefined ? null : Math.round(wait);
}

const NEWCOMER_ID = '\u0000newcomer';

/** One past forecast against what happened: the raw forecast told, and told minus waited (minutes). */
export interface ForecastError {
  forecastMin: number;
  errorMin: number;
}

/** Fewer past forecasts than this and the lean and range fall back to plain defaults. */
const MIN_ERRORS = 20;
/** The lean and the range come from this many past forecasts nearest in size to the one at hand. */
const NEIGHBOURS = 25;

/**
 * The errors of the past forecasts nearest in size to this one, sorted: a 3-minute forecast errs
 * by a minute or so, a 30-minute one (a visitor the play sees going past the standard) by ten.
 */
function errorsNear(forecastMin: number, recent: readonly ForecastError[]): number[] | undefined {
  if (recent.length < MIN_ERRORS) return undefined;
  const near = [...recent].sort((a, b) => Math.abs(a.forecastMin - forecastMin) - Math.abs(b.forecastMin - forecastMin)).slice(0, NEIGHBOURS);
  return near.map((e) => e.errorMin).sort((a, b) => a - b);
}

const quantile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;

/**
 * The range printed around a forecast: from the errors of recent forecasts of about its size, the
 * 10th and 90th percentiles, so about four visitors in five fall inside. Until there are enough
 * errors, a plain ±30 % (at least 3 minutes either side).
 */
export function waitRange(forecastMin: number, recent: readonly ForecastError[]): { fromMin: number; toMin: number } {
  const errors = errorsNear(forecastMin, recent);
  if (!errors) {
    const half = Math.max(3, Math.round(forecastMin * 0.3));
    return { fromMin: Math.max(0, forecastMin - half), toMin: forecastMin + half };
  }
  // An error of +e means the visitor waited e less than told: the wait runs from forecast - q90 to forecast - q10.
  const fromMin = Math.max(0, Math.floor(forecastMin - quantile(errors, 0.9)));
  const toMin = Math.max(fromMin + 1, Math.ceil(forecastMin - quantile(errors, 0.1)));
  return { fromMin, toMin };
}

/**
 * The minutes told to the visitor: the forward play corrected by the median error of recent
 * forecasts of about its size. The play keeps to the call rule's likelier branch (a visitor it
 * sees going past the standard waits for the hard limit), and the hall does not always follow it;
 * the office's own record says by how much. The errors are the raw forecast's.
 */
export function calibratedWaitMin(forecastMin: number, recent: readonly ForecastError[]): number {
  const errors = errorsNear(forecastMin, recent);
  return Math.max(0, Math.round(forecastMin - (errors ? quantile(errors, 0.5) : 0)));
}
