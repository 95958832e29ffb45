import type { OfficeSummary } from '@talon/protocol';
import type { CentralStore } from '../storage/central-store.js';

/** The offices central knows, as each last described itself; kept in memory, saved in the store. */
export async function loadOfficeDirectory(store: CentralStore) {
  const offices = await store.officeSummaries();
  return {
    get(officeId: string): OfficeSummary | undefined {
      return offices.get(officeId);
    },
    all(): [string, OfficeSummary][] {
      return [...offices.entries()];
    },
    remember(officeId: string, summary: OfficeSummary): void {
      offices.set(officeId, summary);
    },
    /** Several nodes: what other nodes' offices said, from the store. */
    async reload(): Promise<void> {
      for (const [officeId, summary] of await store.officeSummaries()) offices.set(officeId, summary);
    },
  };
}

export type OfficeDirectory = Awaited<ReturnType<typeof loadOfficeDirectory>>;
