/**
 * Failed attempts per key (a client address, a normalised login, a kiosk) in a fixed window. The
 * table is bounded: past `maxTracked` keys the least recently seen is dropped, so a sweep over many
 * keys (90,000 made-up logins) costs memory once and never grows it.
 */
export interface FailureCounter {
  /** True while the key has used up its failures for the current window. */
  blocked(key: string): boolean;
  /** Counts one failure; answers whether the key is now over its limit. */
  fail(key: string): boolean;
  /** Forgets the key (a successful login). */
  clear(key: string): void;
  readonly size: number;
}

export function createFailureCounter(options: { max: number; windowMs: number; maxTracked: number; now: () => number }): FailureCounter {
  // A Map keeps insertion order: re-inserting on each touch makes the first key the least recent.
  const table = new Map<string, { since: number; count: number }>();

  const current = (key: string) => {
    const entry = table.get(key);
    if (!entry) return undefined;
    if (options.now() - entry.since >= options.windowMs) {
      table.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    blocked: (key) => (current(key)?.count ?? 0) >= options.max,
    fail(key) {
      const entry = current(key) ?? { since: options.now(), count: 0 };
      entry.count += 1;
      table.delete(key);
      table.set(key, entry);
      while (table.size > options.maxTracked) table.delete(table.keys().next().value!);
      return entry.count >= options.max;
    },
    clear(key) {
      table.delete(key);
    },
    get size() {
      return table.size;
    },
  };
}
