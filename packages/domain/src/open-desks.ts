import type { QueueState } from './queue-state.js';

/** Desks open now (not paused, not closed) that serve the service: who can take its visitors. */
export function openDesksFor(state: QueueState, serviceId: string): number {
  return state.setup.desks.filter((d) => state.desks.get(d.id)?.status === 'open' && d.services.some((s) => s.serviceId === serviceId)).length;
}
