import type { Actor } from './actor.js';
import type { QueueEvent } from './events.js';
import type { QueueState } from './queue-state.js';
import type { Instant } from './ticket.js';

type EventBody = QueueEvent extends infer E ? (E extends QueueEvent ? Omit<E, 'at' | 'actor'> : never) : never;

/** What every rule needs besides its command: the state, the time, who asks. */
export interface DecisionContext {
  state: QueueState;
  now: Instant;
  actor: Actor;
  /** Stamps an event with the time and the actor. */
  event(body: EventBody): QueueEvent;
}

export function decisionContext(state: QueueState, now: Instant, actor: Actor): DecisionContext {
  return { state, now, actor, event: (body) => ({ ...body, at: now, actor }) as QueueEvent };
}
