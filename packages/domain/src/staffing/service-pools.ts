import type { DeskDefinition } from '../office-setup.js';

/** Services that share desks, and those desks: Erlang C is asked per pool, not per service. */
export interface ServicePool {
  /** The pool's services joined by "+", in the config's order: stable and readable. */
  id: string;
  serviceIds: string[];
  deskIds: string[];
}

/**
 * Services are in one pool when a desk serves both, directly or through a chain of desks (desk 1
 * serves A and B, desk 2 B and C: one pool of A, B, C). A service no desk serves is a pool of its
 * own with no desks. In the order of `serviceIds`.
 */
export function servicePools(desks: readonly Pick<DeskDefinition, 'id' | 'services'>[], serviceIds: readonly string[]): ServicePool[] {
  const parent = new Map(serviceIds.map((id) => [id, id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  for (const desk of desks) {
    const served = desk.services.map((s) => s.serviceId).filter((id) => parent.has(id));
    for (const other of served.slice(1)) parent.set(root(other), root(served[0] as string));
  }
  const pools = new Map<string, ServicePool>();
  for (const id of serviceIds) {
    const r = root(id);
    const pool = pools.get(r) ?? { id: '', serviceIds: [], deskIds: [] };
    pool.serviceIds.push(id);
    pools.set(r, pool);
  }
  for (const pool of pools.values()) {
    pool.id = pool.serviceIds.join('+');
    const ids = new Set(pool.serviceIds);
    pool.deskIds = desks.filter((d) => d.services.some((s) => ids.has(s.serviceId))).map((d) => d.id);
  }
  return [...pools.values()];
}
