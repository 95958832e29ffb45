/**
 * Decides whether an `E` frame is a new rating or a retransmit of one already counted.
 *
 * A (device, seq) pair is remembered for `windowMs` after it was last seen. Every sighting
 * refreshes it, so an event the device keeps re-sending (our acks are not getting through)
 * never counts twice however long that lasts. A seq comes round again only after 254 newer
 * presses, each at least 1 s apart, so a window well under four minutes still counts the
 * press after a wrap.
 */
export class RatingDedupe {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True when this (device, seq) is a new rating at `now` (ms). */
  accept(deviceId: number, seq: number, now: number): boolean {
    this.forgetOlderThan(now - this.windowMs);
    const key = `${deviceId}:${seq}`;
    const isNew = !this.lastSeen.has(key);
    // Re-inserting keeps the map ordered by last sighting, which forgetOlderThan relies on.
    this.lastSeen.delete(key);
    this.lastSeen.set(key, now);
    return isNew;
  }

  /** A rebooted device starts again at seq 1 with nothing pending, so its history is void. */
  forgetDevice(deviceId: number): void {
    const prefix = `${deviceId}:`;
    for (const key of [...this.lastSeen.keys()]) {
      if (key.startsWith(prefix)) this.lastSeen.delete(key);
    }
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [key, seenAt] of this.lastSeen) {
      if (seenAt > cutoff) break;
      this.lastSeen.delete(key);
    }
  }
}
