import { chooseNextTicket } from './call-next.js';
import { ForecastHall } from './forecast-hall.js';
import type { DeskState } from './desk-state.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

/** A desk in the play: free from `freeAt`, run by `operatorId` (whose breaks pause it). */
export interface PlayDesk {
  id: string;
  number: number;
  operatorId: string | undefined;
  freeAt: Instant;
  state: DeskState;
}

export interface HallPlay {
  /** The office's setup and rules; its waiting tickets are the hall at the start. */
  state: QueueState;
  desks: PlayDesk[];
  /** Visitors still to come, in arrival order: each joins the hall once a desk is free at or after its `queuedAt`. */
  arrivals: readonly Ticket[];
  /** Desk time one visit takes. */
  visitMs(ticket: Ticket): number;
  /** When the operator's scheduled break covering `at` ends, or `at` if none does. */
  afterBreak(operatorId: string | undefined, at: Instant): Instant;
  /** The play ends once every one of these is called (all of the hall and the arrivals when absent). */
  until?: ReadonlySet<string>;
  /**
   * Tickets added to the hall only to learn when they would be called (a kiosk's "if you took a
   * ticket now"): a probe chosen is recorded and gone, and the desk chooses again as if it had not
   * been there, so probes never change one another's or the hall's calls. They count in `until`.
   */
  probes?: readonly Ticket[];
  /** A guard: the play ends after this many turns (a call, or a desk waiting for the next visitor). */
  maxCalls: number;
}

/**
 * Plays the office forward: the desk free first calls next by the office's own call rule
 * (`chooseNextTicket`), serves for `visitMs`, and goes on after any break that starts meanwhile.
 * Returns when each ticket called was called. The wait forecast (`forecastCalls`) plays the live
 * hall with it; the plan for tomorrow plays whole expected days from opening.
 */
export function playHall(play: HallPlay): Map<string, Instant> {
  const calls = new Map<string, Instant>();
  const hall = new ForecastHall();
  for (const t of play.state.tickets.values()) if (t.status === 'waiting') hall.add(t);
  const probes = new Set<string>();
  for (const probe of play.probes ?? []) {
    if (hall.tickets.has(probe.id)) continue;
    hall.add(probe);
    probes.add(probe.id);
  }
  const desks = play.desks.map((d) => ({ ...d }));
  const deskStates = new Map(play.state.desks);
  for (const desk of desks) deskStates.set(desk.id, desk.state);
  // One view for every choice, its tickets swapped for the candidates at hand: a spread per call was garbage.
  const view: QueueState = { ...play.state, tickets: hall.tickets, desks: deskStates };
  const { arrivals, until } = play;
  let left = until ? until.size : Infinity;
  let nextArrival = 0;
  for (let n = 0; n < play.maxCalls && desks.length > 0 && left > 0; n += 1) {
    // The desk free first calls next; equal times go to the lower desk number, as every run must agree.
    let at = 0;
    for (let i = 1; i < desks.length; i += 1) {
      const d = desks[i] as PlayDesk;
      const best = desks[at] as PlayDesk;
      if (d.freeAt < best.freeAt || (d.freeAt === best.freeAt && d.number < best.number)) at = i;
    }
    const desk = desks[at] as PlayDesk;
    // Whoever has come by then is in the hall.
    while (nextArrival < arrivals.length && (arrivals[nextArrival] as Ticket).queuedAt <= desk.freeAt) {
      hall.add(arrivals[nextArrival] as Ticket);
      nextArrival += 1;
    }
    // The rule sees only the tickets that can be its choice here (ForecastHall), and chooses as over the whole hall.
    view.tickets = hall.candidatesFor(play.state, desk.id, desk.freeAt);
    const choice = chooseNextTicket(view, desk.id, desk.freeAt);
    if (!choice) {
      // Nobody this desk serves waits: it waits for the next visitor to come, or drops out.
      const next = arrivals[nextArrival];
      if (next) desk.freeAt = play.afterBreak(desk.operatorId, next.queuedAt);
      else desks.splice(at, 1);
      continue;
    }
    hall.delete(choice.ticket);
    calls.set(choice.ticket.id, desk.freeAt);
    if (until?.has(choice.ticket.id)) left -= 1;
    if (probes.has(choice.ticket.id)) {
      // Kept and gone: the desk is as free as before and chooses again, and the turn is not counted.
      n -= 1;
      continue;
    }
    const priorityRun = choice.reason === 'priority' || choice.reason === 'booking-due' ? desk.state.priorityCallsInRow + 1 : 0;
    if (priorityRun !== desk.state.priorityCallsInRow) {
      desk.state = { ...desk.state, priorityCallsInRow: priorityRun };
      deskStates.set(desk.id, desk.state);
    }
    desk.freeAt = play.afterBreak(desk.operatorId, desk.freeAt + play.visitMs(choice.ticket));
  }
  return calls;
}
