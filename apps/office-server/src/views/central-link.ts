import type { CentralLinkView } from '@talon/protocol';
import type { SyncClient } from '../sync/sync-client.js';

/** The sync client's status as screens and /healthz show it. */
export function centralLinkView(sync: SyncClient | undefined): CentralLinkView {
  if (!sync) return { state: 'not-configured' };
  const { connected, unsent, lastAckedAt } = sync.status();
  return { state: connected ? 'online' : 'offline', unsent, lastAckedAt };
}
