import type { KioskServiceView, ServiceGroupView } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { groupShelf, homeShelves } from './service-tree.js';

const service = (id: string, groupId?: string): KioskServiceView => ({
  id,
  name: id,
  prefix: 'A',
  ...(groupId && { groupId }),
  askAccountNumber: false,
  normMinutes: 10,
  outcomes: [],
  waiting: 0,
  estimatedWaitMin: null,
});
const group = (id: string, parentId?: string): ServiceGroupView => ({ id, name: id, ...(parentId && { parentId }) });
const ids = (shelves: { group: ServiceGroupView | null; services: KioskServiceView[]; subgroups: ServiceGroupView[] }[]) =>
  shelves.map((s) => ({ group: s.group?.id ?? null, services: s.services.map((x) => x.id), subgroups: s.subgroups.map((g) => g.id) }));

describe('home shelves', () => {
  it('shows top-level groups as shelves, their services one tap away, ungrouped services first', () => {
    const shelves = homeShelves({
      services: [service('payments', 'people'), service('business', 'firms'), service('info')],
      groups: [group('people'), group('firms')],
    });
    expect(ids(shelves)).toEqual([
      { group: null, services: ['info'], subgroups: [] },
      { group: 'people', services: ['payments'], subgroups: [] },
      { group: 'firms', services: ['business'], subgroups: [] },
    ]);
  });

  it('puts a second-level group behind a button, and hides groups with nothing to offer', () => {
    const catalogue = {
      services: [service('meters', 'readings'), service('payments', 'people')],
      groups: [group('people'), group('readings', 'people'), group('empty', 'people'), group('bare')],
    };
    expect(ids(homeShelves(catalogue))).toEqual([{ group: 'people', services: ['payments'], subgroups: ['readings'] }]);
    expect(ids([groupShelf(catalogue, 'readings')!])).toEqual([{ group: 'readings', services: ['meters'], subgroups: [] }]);
    expect(groupShelf(catalogue, 'nowhere')).toBeNull();
  });

  it('keeps services of an unknown group, and survives groups that point at each other', () => {
    const catalogue = {
      services: [service('lost', 'gone'), service('x', 'b')],
      groups: [group('a', 'b'), group('b', 'a')],
    };
    expect(ids(homeShelves(catalogue))).toEqual([{ group: null, services: ['lost'], subgroups: [] }]);
    expect(ids([groupShelf(catalogue, 'a')!])).toEqual([{ group: 'a', services: [], subgroups: ['b'] }]);
  });
});
