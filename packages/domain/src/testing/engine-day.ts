import type { DayLunch, OfficeSetup } from '../office-setup.js';
import { scheduledBreakAt } from '../office-hours.js';
import type { PlannedVisitor } from '../staffing/day-arrivals.js';
import { withDayLunches, type DayPlayResult } from '../staffing/day-play.js';
import type { RosterDesk } from '../staffing/roster.js';
import type { Instant } from '../ticket.js';
import { queueDriver } from './queue-driver.js';

const MINUTE = 60_000;
/** The engine is driven in steps this long: a call waits at most this much for its desk's turn. */
const TICK_MS = 5_000;

/**
 * A drawn day played through the real engine (`decide` and `apply`, as the office server runs it),
 * not through the plan's own play: visitors take tickets, the roster's desks open at opening, pause
 * for the date's lunches (the given ones in place of the configured), call next, serve for the
 * visit's desk time and finish. What the plan expects is checked against this.
 */
export function playDayOnEngine(
  setup: OfficeSetup,
  date: string,
  opensAt: Instant,
  roster: readonly RosterDesk[],
  lunches: readonly DayLunch[],
  visitors: readonly PlannedVisitor[],
): DayPlayResult {
  const planned = withDayLunches(setup, date, lunches);
  const driver = queueDriver(planned, opensAt);
  const categoryId = setup.categories[0]?.id;
  const desks = [...roster].sort((a, b) => a.deskNumber - b.deskNumber).map((r) => ({ ...r, busyUntil: opensAt, serving: undefined as string | undefined }));
  for (const d of desks) driver.must({ type: 'desk.open', deskId: d.deskId, operatorId: d.operatorId });
  const arrivals = [...visitors].sort((a, b) => a.ticket.queuedAt - b.ticket.queuedAt);
  const arrivedAt = new Map<string, Instant>();
  const deskMs = new Map<string, number>();
  const calledAt = new Map<string, Instant>();
  let next = 0;
  const end = opensAt + 24 * 60 * MINUTE;
  for (let now = opensAt; now < end && calledAt.size < arrivals.length; now += TICK_MS) {
    while (next < arrivals.length && (arrivals[next] as PlannedVisitor).ticket.queuedAt <= now) {
      const v = arrivals[next] as PlannedVisitor;
      next += 1;
      // Each takes the ticket at its own moment (the last one just before issuing stops).
      driver.advance(v.ticket.queuedAt - driver.now);
      const ticketId = driver.newId('e');
      const priority = v.ticket.kind === 'priority' && categoryId !== undefined;
      driver.must({ type: 'ticket.issue', ticketId, serviceId: v.ticket.serviceId, ...(priority && { categoryId }) });
      arrivedAt.set(ticketId, v.ticket.queuedAt);
      deskMs.set(ticketId, v.deskMs);
    }
    driver.advance(now - driver.now);
    for (const desk of desks) {
      if (desk.busyUntil > now) continue;
      if (desk.serving) {
        driver.must({ type: 'ticket.finish', deskId: desk.deskId });
        desk.serving = undefined;
      }
      const live = driver.state.desks.get(desk.deskId);
      if (scheduledBreakAt(planned.schedule, desk.operatorId, now)) {
        if (live?.status === 'open') driver.must({ type: 'desk.pause', deskId: desk.deskId, reason: 'lunch' });
        continue;
      }
      if (live?.status === 'paused') driver.must({ type: 'desk.resume', deskId: desk.deskId });
      const call = driver.run({ type: 'ticket.call-next', deskId: desk.deskId });
      if (!call.ok) continue;
      const called = call.events.find((e) => e.type === 'ticket.called');
      if (!called || called.type !== 'ticket.called') continue;
      driver.must({ type: 'ticket.start', deskId: desk.deskId });
      if (driver.state.tickets.get(called.ticketId)?.kind === 'priority') driver.must({ type: 'ticket.confirm-category', deskId: desk.deskId, documentSeen: true });
      calledAt.set(called.ticketId, now);
      desk.serving = called.ticketId;
      desk.busyUntil = now + (deskMs.get(called.ticketId) ?? 0);
    }
  }
  const standardMs = setup.rules.waitingStandardMinutes * MINUTE;
  const result: DayPlayResult = { visitors: arrivals.length, withinStandard: 0, waitMinSum: 0, longestWaitMin: 0 };
  for (const [id, at] of calledAt) {
    const wait = at - (arrivedAt.get(id) as Instant);
    if (wait <= standardMs) result.withinStandard += 1;
    result.waitMinSum += wait / MINUTE;
    result.longestWaitMin = Math.max(result.longestWaitMin, wait / MINUTE);
  }
  return result;
}
