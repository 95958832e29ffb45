export interface ReopenBackoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_REOPEN_BACKOFF: ReopenBackoff = { initialMs: 250, maxMs: 5_000 };

/** Delay before reopen attempt number `attempt` (0 for the first after a loss). */
export function reopenDelayMs(attempt: number, backoff: ReopenBackoff = DEFAULT_REOPEN_BACKOFF): number {
  const doublings = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(backoff.initialMs * 2 ** doublings, backoff.maxMs);
}
