import type { OfficeConfig } from '@talon/protocol';

/**
 * What an admin screen does when the server says the config changed: nothing if the change is its
 * own (the ack already brought it); take it if nothing here is unsaved; otherwise ask, because
 * silently replacing a draft loses an administrator's work and silently keeping it hides that
 * saving would undo someone else's.
 */
export type RemoteChange = 'ours' | 'take' | 'ask';

export function remoteChange(
  change: { config: OfficeConfig; origin: string },
  ownSocketId: string | undefined,
  saved: OfficeConfig | null,
  draft: OfficeConfig | null,
): RemoteChange {
  if (change.origin === ownSocketId) return 'ours';
  if (!saved || !draft || same(draft, saved) || same(draft, change.config)) return 'take';
  return 'ask';
}

// Both sides come from the server's own checked config, so their key order agrees.
function same(a: OfficeConfig, b: OfficeConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
