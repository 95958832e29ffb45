import type { KioskServiceView, ServiceGroupView } from '@talon/protocol';

/** One titled block of buttons: a group's own services, and its subgroups as buttons that open them. */
export interface ServiceShelf {
  group: ServiceGroupView | null;
  services: KioskServiceView[];
  subgroups: ServiceGroupView[];
}

interface Catalogue {
  services: readonly KioskServiceView[];
  groups: readonly ServiceGroupView[];
}

/**
 * The home page: top-level groups become headed shelves, so a service in them is one tap away; a
 * second level opens as its own page. Services of an unknown group stand ungrouped rather than vanish,
 * and a group with no service anywhere beneath it is not shown at all.
 */
export function homeShelves(catalogue: Catalogue): ServiceShelf[] {
  const known = new Set(catalogue.groups.map((g) => g.id));
  const loose = catalogue.services.filter((s) => s.groupId === undefined || !known.has(s.groupId));
  const shelves: ServiceShelf[] = loose.length > 0 ? [{ group: null, services: loose, subgroups: [] }] : [];
  for (const group of topGroups(catalogue)) {
    const shelf = groupShelf(catalogue, group.id);
    if (shelf && (shelf.services.length > 0 || shelf.subgroups.length > 0)) shelves.push(shelf);
  }
  return shelves;
}

/** A group's page: its own services and the subgroups that lead to any service. */
export function groupShelf(catalogue: Catalogue, groupId: string): ServiceShelf | null {
  const group = catalogue.groups.find((g) => g.id === groupId);
  if (!group) return null;
  return {
    group,
    services: catalogue.services.filter((s) => s.groupId === groupId),
    subgroups: catalogue.groups.filter((g) => g.parentId === groupId && hasServices(catalogue, g.id, new Set())),
  };
}

function topGroups(catalogue: Catalogue): ServiceGroupView[] {
  const known = new Set(catalogue.groups.map((g) => g.id));
  return catalogue.groups.filter((g) => g.parentId === undefined || !known.has(g.parentId));
}

// `seen` guards against a config whose groups point at each other in a circle.
function hasServices(catalogue: Catalogue, groupId: string, seen: Set<string>): boolean {
  if (seen.has(groupId)) return false;
  seen.add(groupId);
  if (catalogue.services.some((s) => s.groupId === groupId)) return true;
  return catalogue.groups.some((g) => g.parentId === groupId && hasServices(catalogue, g.id, seen));
}
