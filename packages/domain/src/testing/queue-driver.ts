import { applyAll } from '../apply.js';
import type { Actor } from '../actor.js';
import type { QueueCommand } from '../commands.js';
import { createQueueState } from '../create-queue-state.js';
import { decide } from '../decide.js';
import type { Decision } from '../errors.js';
import type { OfficeSetup } from '../office-setup.js';
import type { QueueState } from '../queue-state.js';
import type { Instant } from '../ticket.js';

/** Runs commands against the pure engine the way the server does: decide, then apply. */
export function queueDriver(setup: OfficeSetup, start: Instant) {
  let state: QueueState = createQueueState(setup, start);
  let now = start;
  let ids = 0;
  const actor: Actor = { kind: 'system' };
  return {
    get state() {
      return state;
    },
    set state(next: QueueState) {
      state = next;
    },
    get now() {
      return now;
    },
    advance(ms: number) {
      now += ms;
    },
    newId(prefix = 't') {
      ids += 1;
      return `${prefix}${ids}`;
    },
    run(command: QueueCommand, by: Actor = actor): Decision {
      const decision = decide(state, { command, actor: by, now });
      if (decision.ok) state = applyAll(state, decision.events);
      return decision;
    },
    /** Runs a command that must be accepted, and returns its events. */
    must(command: QueueCommand, by: Actor = actor) {
      const decision = this.run(command, by);
      if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code} ${decision.error.message}`);
      return decision.events;
    },
    issue(serviceId: string, extra: Partial<Extract<QueueCommand, { type: 'ticket.issue' }>> = {}) {
      const ticketId = this.newId();
      this.must({ type: 'ticket.issue', ticketId, serviceId, ...extra });
      return state.tickets.get(ticketId)!;
    },
  };
}

export type QueueDriver = ReturnType<typeof queueDriver>;
