import type { DeskDefinition } from '../office-setup.js';
import type { PlanHistoryTicket } from './expected-arrivals.js';

/** Who the plan expects at which desk all day. */
export interface RosterDesk {
  deskId: string;
  deskNumber: number;
  operatorId: string;
}

/**
 * Each desk with the operator who served most visitors at it on the sample dates, one desk per
 * operator (the biggest pairings first). With no such history, the desk staff (`deskStaff`, in
 * the config's order) take the desks in number order. Operators no longer in the config are left out.
 */
export function planRoster(
  desks: readonly Pick<DeskDefinition, 'id' | 'number'>[],
  operatorIds: readonly string[],
  deskStaff: readonly string[],
  history: readonly PlanHistoryTicket[],
): RosterDesk[] {
  const known = new Set(operatorIds);
  const byNumber = [...desks].sort((a, b) => a.number - b.number);
  const deskIds = new Set(desks.map((d) => d.id));
  const counts = new Map<string, { deskId: string; operatorId: string; count: number }>();
  for (const t of history) {
    if (t.deskId === undefined || t.operatorId === undefined || !deskIds.has(t.deskId) || !known.has(t.operatorId)) continue;
    const key = `${t.deskId}|${t.operatorId}`;
    const entry = counts.get(key) ?? { deskId: t.deskId, operatorId: t.operatorId, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const assigned = new Map<string, string>();
  const busy = new Set<string>();
  if (counts.size > 0) {
    const pairs = [...counts.values()].sort((a, b) => b.count - a.count || (a.deskId < b.deskId ? -1 : a.deskId > b.deskId ? 1 : 0) || (a.operatorId < b.operatorId ? -1 : 1));
    for (const p of pairs) {
      if (assigned.has(p.deskId) || busy.has(p.operatorId)) continue;
      assigned.set(p.deskId, p.operatorId);
      busy.add(p.operatorId);
    }
  } else {
    const staff = deskStaff.filter((id) => known.has(id));
    byNumber.forEach((desk, i) => {
      const operatorId = staff[i];
      if (operatorId !== undefined) assigned.set(desk.id, operatorId);
    });
  }
  return byNumber.flatMap((d) => {
    const operatorId = assigned.get(d.id);
    return operatorId === undefined ? [] : [{ deskId: d.id, deskNumber: d.number, operatorId }];
  });
}
