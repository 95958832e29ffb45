/**
 * A small seeded generator (mulberry32). The domain reads no randomness: this is a pure function
 * of the seed the caller passes, so the same seed gives the same day on every machine and run,
 * and every lunch option of a plan is played against the same visitors.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson count with mean `mean` (Knuth's product method, split so a large mean cannot underflow). */
export function poissonCount(random: () => number, mean: number): number {
  let count = 0;
  let left = mean;
  while (left > 0) {
    const step = Math.min(left, 30);
    left -= step;
    const limit = Math.exp(-step);
    let product = random();
    while (product > limit) {
      count += 1;
      product *= random();
    }
  }
  return count;
}
