import type { LocalTime, ScheduledBreak } from './office-setup.js';
import type { Instant } from './ticket.js';

/** One day's breaks as instants, by operator: a play asks "when is this operator back?" thousands of times. */
export type BreakInstants = ReadonlyMap<string, readonly (readonly [Instant, Instant])[]>;

export function breakInstantsOf(breaks: readonly ScheduledBreak[], instantOf: (time: LocalTime) => Instant): BreakInstants {
  const byOperator = new Map<string, [Instant, Instant][]>();
  for (const b of breaks) {
    const list = byOperator.get(b.operatorId) ?? [];
    list.push([instantOf(b.from), instantOf(b.to)]);
    byOperator.set(b.operatorId, list);
  }
  return byOperator;
}

/** The first instant at or after `at` that none of the operator's breaks covers; breaks may touch or overlap. */
export function pastBreaks(breaks: BreakInstants, operatorId: string, at: Instant): Instant {
  const list = breaks.get(operatorId);
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
  return t;
}
