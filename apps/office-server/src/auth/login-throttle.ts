/** Slows password guessing: a login with too many recent failures is refused for a while. */
export function createLoginThrottle(now: () => number, maxFailures = 8, windowMs = 5 * 60_000) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((at) => now() - at < windowMs);
  return {
    blocked(key: string): boolean {
      return recent(key).length >= maxFailures;
    },
    failed(key: string): void {
      const list = recent(key);
      list.push(now());
      failures.set(key, list);
    },
    succeeded(key: string): void {
      failures.delete(key);
    },
  };
}
