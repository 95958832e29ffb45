import { describe, expect, it } from 'vitest';
import { RatingDedupe } from './rating-dedupe.js';

describe('RatingDedupe', () => {
  it('counts a (device, seq) once while its retransmits keep coming', () => {
    const dedupe = new RatingDedupe(10_000);
    expect(dedupe.accept(1, 7, 0)).toBe(true);
    // Retransmits every 500 ms for far longer than the window: acks are not getting through.
    for (let t = 500; t <= 60_000; t += 500) expect(dedupe.accept(1, 7, t)).toBe(false);
  });

  it('counts the same seq again once the window has passed since its last sighting', () => {
    const dedupe = new RatingDedupe(10_000);
    expect(dedupe.accept(1, 7, 0)).toBe(true);
    expect(dedupe.accept(1, 7, 4_000)).toBe(false);
    expect(dedupe.accept(1, 7, 13_999)).toBe(false);
    expect(dedupe.accept(1, 7, 23_999)).toBe(true);
  });

  it('counts every seq of a wrap, and the wrapped seq again', () => {
    const dedupe = new RatingDedupe(60_000);
    let counted = 0;
    // One accepted press per second at best: 255 seqs, then seq 1 again.
    for (let press = 0; press < 300; press++) {
      const seq = (press % 255) + 1;
      if (dedupe.accept(1, seq, press * 1_000)) counted++;
    }
    expect(counted).toBe(300);
  });

  it('keeps devices apart', () => {
    const dedupe = new RatingDedupe(60_000);
    expect(dedupe.accept(1, 1, 0)).toBe(true);
    expect(dedupe.accept(2, 1, 0)).toBe(true);
    expect(dedupe.accept(1, 1, 1)).toBe(false);
  });

  it('forgets a rebooted device, whose seq starts again at 1', () => {
    const dedupe = new RatingDedupe(60_000);
    expect(dedupe.accept(1, 1, 0)).toBe(true);
    expect(dedupe.accept(2, 1, 0)).toBe(true);
    dedupe.forgetDevice(1);
    expect(dedupe.accept(1, 1, 5_000)).toBe(true);
    expect(dedupe.accept(2, 1, 5_000)).toBe(false);
  });
});
