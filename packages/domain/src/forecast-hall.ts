import { compareArrival, isPriorityTicket } from './call-next.js';
import type { QueueState } from './queue-state.js';
import type { Instant, Ticket } from './ticket.js';

const MINUTE = 60_000;

/**
 * The hall as the forward play keeps it: every waiting ticket, indexed so that a desk's choice
 * looks at a handful of tickets instead of the whole hall.
 *
 * The call rule picks, tier by tier, the first of a tier in a fixed order, so a ticket that
 * cannot be first in any tier never changes the choice. For plain walk-ins of one service (and
 * priority visitors whose document was rejected, who queue as walk-ins) only two can be first
 * anywhere: the oldest (the late, the past-limit tiers) and the oldest who can still make the
 * standard (the in-time tier, by order or by wait x weight, both of which prefer the oldest
 * within a service). For priority visitors of a service, only the oldest. Bookings and tickets
 * sent to a desk are few and kept whole. `candidatesFor` hands the rule just those; the choice
 * is the one the whole hall gives (forecast-hall.test.ts checks it over random halls).
 */
export class ForecastHall {
  /** Every waiting ticket, as the play's state holds them. */
  readonly tickets = new Map<string, Ticket>();
  /** Per service, oldest first: walk-ins (and rejected priority visitors). */
  private readonly walkIns = new Map<string, Ticket[]>();
  /** Per service, oldest first: priority visitors whose document is pending or confirmed. */
  private readonly priority = new Map<string, Ticket[]>();
  /** Bookings and transfers: few, and their place depends on the slot or the desk. */
  private readonly kept = new Map<string, Ticket>();
  /** What `candidatesFor` hands out, refilled at each call: a new map per call was most of the play's garbage. */
  private readonly candidates = new Map<string, Ticket>();

  add(ticket: Ticket): void {
    this.tickets.set(ticket.id, ticket);
    const line = this.lineOf(ticket);
    if (!line) {
      this.kept.set(ticket.id, ticket);
      return;
    }
    let list = line.get(ticket.serviceId);
    if (!list) line.set(ticket.serviceId, (list = []));
    // Newcomers mostly go last; the search keeps the order exact when they do not.
    let at = list.length;
    while (at > 0 && compareArrival(ticket, list[at - 1] as Ticket) < 0) at -= 1;
    list.splice(at, 0, ticket);
  }

  delete(ticket: Ticket): void {
    if (!this.tickets.delete(ticket.id)) return;
    const line = this.lineOf(ticket);
    if (!line) {
      this.kept.delete(ticket.id);
      return;
    }
    const list = line.get(ticket.serviceId) as Ticket[];
    list.splice(list.indexOf(ticket), 1);
  }

  get size(): number {
    return this.tickets.size;
  }

  /**
   * The tickets that can be a desk's choice at `now`: enough for `chooseNextTicket` to decide as over
   * the whole hall. The same map each time, refilled: read it before the next call.
   */
  candidatesFor(state: QueueState, deskId: string, now: Instant): ReadonlyMap<string, Ticket> {
    const out = this.candidates;
    out.clear();
    for (const [id, ticket] of this.kept) out.set(id, ticket);
    const services = state.setup.desks.find((d) => d.id === deskId)?.services ?? [];
    const inTimeFrom = now - state.setup.rules.waitingStandardMinutes * MINUTE;
    for (const { serviceId } of services) {
      const walkIns = this.walkIns.get(serviceId);
      if (walkIns && walkIns.length > 0) {
        const oldest = walkIns[0] as Ticket;
        out.set(oldest.id, oldest);
        const inTime = walkIns[firstAtOrAfter(walkIns, inTimeFrom)];
        if (inTime) out.set(inTime.id, inTime);
      }
      const first = this.priority.get(serviceId)?.[0];
      if (first) out.set(first.id, first);
    }
    return out;
  }

  /** Walk-ins and priority visitors by service; any other kind is kept whole, so a new kind cannot be lost here. */
  private lineOf(ticket: Ticket): Map<string, Ticket[]> | undefined {
    if (ticket.targetDeskId !== undefined || ticket.status !== 'waiting') return undefined;
    if (ticket.kind === 'walk-in') return this.walkIns;
    if (ticket.kind === 'priority') return isPriorityTicket(ticket) ? this.priority : this.walkIns;
    return undefined;
  }
}

/** The first index whose ticket joined at or after `from` (the line is in arrival order, so by `queuedAt`). */
function firstAtOrAfter(line: readonly Ticket[], from: Instant): number {
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((line[mid] as Ticket).queuedAt < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
