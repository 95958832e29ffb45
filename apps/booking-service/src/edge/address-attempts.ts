/**
 * Failed attempts per client address in a fixed window (booking-code guesses, office handshakes
 * with a wrong key). The table is bounded: past `maxTracked` addresses the least recently seen is
 * dropped, so a sweep over many addresses costs memory once and never grows it.
 */
export interface AddressAttempts {
  /** True while the address has used up its failures for the current window. */
  blocked(address: string): boolean;
  /** Counts one failure; answers whether the address is now over its limit. */
  fail(address: string): boolean;
  readonly size: number;
}

export function createAddressAttempts(options: { max: number; windowMs: number; maxTracked: number; now: () => number }): AddressAttempts {
  // A Map keeps insertion order: re-inserting on each touch makes the first key the least recent.
  const table = new Map<string, { since: number; count: number }>();

  const current = (address: string) => {
    const entry = table.get(address);
    if (!entry) return undefined;
    if (options.now() - entry.since >= options.windowMs) {
      table.delete(address);
      return undefined;
    }
    return entry;
  };

  return {
    blocked: (address) => (current(address)?.count ?? 0) >= options.max,
    fail(address) {
      const entry = current(address) ?? { since: options.now(), count: 0 };
      entry.count += 1;
      table.delete(address);
      table.set(address, entry);
      while (table.size > options.maxTracked) table.delete(table.keys().next().value!);
      return entry.count >= options.max;
    },
    get size() {
      return table.size;
    },
  };
}
