/** A token bucket per connection: people press a few buttons a second, a flood is refused. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export function createRateLimiter(limit: RateLimit | null, now: () => number) {
  if (!limit) return { take: () => true };
  let tokens = limit.burst;
  let last = now();
  return {
    take(): boolean {
      const current = now();
      tokens = Math.min(limit.burst, tokens + ((current - last) / 1000) * limit.perSecond);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
